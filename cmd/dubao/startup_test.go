package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkStartup measures start-up as a person feels it: in tmux, from
// the command typed at a shell to its first screen of text, dubao against
// less on the same pages, run in pairs (dubao, then less) so that a busy
// machine weighs on both alike. It reports the median of each and their
// ratio (goal ≤ 3×), on the bundled sample (dubao with no PATH and no
// shelf) and on a 24-page issue (the cache warm). It needs tmux and less.
//
// The screen is watched through what the pane is sent (tmux pipe-pane
// into a file, read here every 0.2 ms), not by asking tmux for the screen
// again and again: each asking is a process, and on two cores those
// processes took the CPU from the program being timed — from dubao, which
// has more to do at start than less, most. DUBAO_STARTUP_OTHER names
// another build of dubao (an older one, to compare), timed in each round
// too: other-ms, other-ratio.
func BenchmarkStartup(b *testing.B) {
	for _, tool := range []string{"tmux", "less"} {
		if _, err := exec.LookPath(tool); err != nil {
			b.Skipf("no %s", tool)
		}
	}
	home := b.TempDir()
	issue, _ := issue24(b)
	var all []byte
	paths, _ := filepath.Glob(filepath.Join(issue, "*.txt"))
	for _, p := range paths {
		d, _ := os.ReadFile(p)
		all = append(all, d...)
	}
	issueText := filepath.Join(home, "issue.txt")
	os.WriteFile(issueText, all, 0o644)
	sample := filepath.Join("sample", "sample.txt")
	abs, _ := filepath.Abs(sample)

	socket := fmt.Sprintf("dubao-startup-%d", os.Getpid())
	tmux := func(args ...string) string {
		out, err := exec.Command("tmux", append([]string{"-L", socket}, args...)...).CombinedOutput()
		if err != nil {
			b.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	env := []string{"-e", "HOME=" + home, "-e", "XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"-e", "XDG_STATE_HOME=" + filepath.Join(home, "state"), "-e", "XDG_CACHE_HOME=" + filepath.Join(home, "cache"),
		"-e", "PS1=$ ", "-e", "LESS=", "-e", "TERM=tmux-256color"}
	tmux(append(append([]string{"-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30", "-s", "s"}, env...), "sh")...)
	b.Cleanup(func() { exec.Command("tmux", "-L", socket, "kill-server").Run() })
	tmux("send-keys", "-t", "s", "PS1='$ '", "Enter") // dash keeps # for root
	sent := filepath.Join(home, "pane.out")
	tmux("pipe-pane", "-t", "s", "-o", "cat >> "+sent)

	// first runs command at the shell and returns how long until marker is
	// on the screen; then it quits with q and waits for the shell.
	first := func(command, marker string) time.Duration {
		tmux("send-keys", "-t", "s", "clear", "Enter")
		for i := 0; !strings.HasPrefix(strings.TrimSpace(tmux("capture-pane", "-p", "-t", "s")), "$"); i++ {
			if i > 5000 {
				b.Fatalf("no shell prompt:\n%s", tmux("capture-pane", "-p", "-t", "s"))
			}
			time.Sleep(time.Millisecond)
		}
		from := len(readSent(b, sent))
		start := time.Now()
		tmux("send-keys", "-t", "s", command, "Enter")
		for !strings.Contains(string(readSent(b, sent)[from:]), marker) {
			if time.Since(start) > 10*time.Second {
				b.Fatalf("%s: %q never appeared:\n%s", command, marker, tmux("capture-pane", "-p", "-t", "s"))
			}
			time.Sleep(200 * time.Microsecond)
		}
		d := time.Since(start)
		tmux("send-keys", "-t", "s", "q")
		for i := 0; !strings.HasSuffix(strings.TrimSpace(tmux("capture-pane", "-p", "-t", "s")), "$"); i++ {
			if i > 5000 {
				b.Fatalf("%s did not quit:\n%s", command, tmux("capture-pane", "-p", "-t", "s"))
			}
			time.Sleep(time.Millisecond)
		}
		return d
	}
	bin := fmt.Sprintf("%q", binPath(b))
	other := os.Getenv("DUBAO_STARTUP_OTHER") // another build, timed in each round too
	if other != "" {
		other = fmt.Sprintf("%q", other)
	}
	const flags = " --ambiguous narrow --theme plain"
	for _, tt := range []struct {
		name, args, less, lessMark string
	}{
		{"sample", "", "less " + abs, firstWord(b, abs)},
		{"issue24", " " + issue, "less " + issueText, firstWord(b, issueText)},
	} {
		b.Run(tt.name, func(b *testing.B) {
			const mark = "篇"
			first(bin+flags+tt.args, mark) // the cache filled, the binary paged in
			first(tt.less, tt.lessMark)
			var d, l, o []time.Duration
			for b.Loop() {
				d = append(d, first(bin+flags+tt.args, mark))
				l = append(l, first(tt.less, tt.lessMark))
				if other != "" {
					o = append(o, first(other+flags+tt.args, mark))
				}
			}
			md, ml := median(d), median(l)
			b.ReportMetric(float64(md.Microseconds())/1000, "dubao-ms")
			b.ReportMetric(float64(ml.Microseconds())/1000, "less-ms")
			b.ReportMetric(float64(md)/float64(ml), "ratio")
			if other != "" {
				mo := median(o)
				b.ReportMetric(float64(mo.Microseconds())/1000, "other-ms")
				b.ReportMetric(float64(mo)/float64(ml), "other-ratio")
			}
		})
	}
}

// readSent reads what the pane has been sent so far.
func readSent(b *testing.B, path string) []byte {
	d, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		b.Fatal(err)
	}
	return d
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// firstWord is the first word of text in a file, as less shows it.
func firstWord(b *testing.B, path string) string {
	d, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	for _, l := range strings.Split(string(d), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return []string(strings.Fields(l))[0]
		}
	}
	b.Fatal("an empty file")
	return ""
}

// binPath is the dubao command TestMain built.
func binPath(b *testing.B) string {
	if bin == "" {
		b.Fatal("no dubao built")
	}
	return bin
}
