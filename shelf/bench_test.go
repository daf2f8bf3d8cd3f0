//go:build unix

package shelf

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dubaoreader/dubao/shelf/shelftest"
)

// yearShelf is a shelf of 365 days × 16 pages made from the corpus.
func yearShelf(b *testing.B) (*Shelf, int64) {
	b.Helper()
	dir := b.TempDir()
	size := shelftest.Year(b, dir, 365, 16, shelftest.Pages(b))
	s, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	return s, size
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakHeap samples the heap's live and unswept objects every millisecond
// (runtime/metrics, which does not stop the world as ReadMemStats does)
// until stopped, and returns the most it saw, in MB.
func peakHeap() (stop func() float64) {
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	})
	return func() float64 {
		close(done)
		wg.Wait()
		return float64(peak) / (1 << 20)
	}
}

// BenchmarkShelfSearch searches a year of a 16-page paper for a
// two-character query, to the complete list of days with their hits.
// warm: every page in the cache (goal ≤ 300 ms, peak memory ≤ 150 MB);
// cold: nothing cached, every file parsed — first-ms is when the first
// day came, parse-ms the time parsing the same pages takes without the
// cache (parse.Pages on each, as many at once as CPUs), the time the whole
// year should come within.
func BenchmarkShelfSearch(b *testing.B) {
	if os.Getenv("GOGC") == "" { // as dubao runs
		defer debug.SetGCPercent(debug.SetGCPercent(GCPercent))
	}
	s, size := yearShelf(b)
	const query = "工作"
	search := func(b *testing.B, c *Cache) (first time.Duration, hits int) {
		start := time.Now()
		c.Search(s.Entries, query, func(d DayFound) bool {
			if first == 0 {
				first = time.Since(start)
			}
			if d.Err != nil {
				b.Fatal(d.Err)
			}
			hits += len(d.Hits)
			return true
		})
		return first, hits
	}
	b.Run("warm", func(b *testing.B) {
		c := NewCache(b.TempDir(), TextParser())
		search(b, c)
		runtime.GC()
		b.SetBytes(size)
		b.ReportAllocs()
		stop := peakHeap()
		hits := 0
		cpu := cpuTime()
		for b.Loop() {
			_, hits = search(b, c)
		}
		b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
		b.ReportMetric(stop(), "peak-heap-MB")
		b.ReportMetric(float64(hits), "hits")
	})
	b.Run("cold", func(b *testing.B) {
		b.SetBytes(size)
		var first time.Duration
		stop := peakHeap()
		var cpu time.Duration
		for b.Loop() {
			b.StopTimer()
			c := NewCache(b.TempDir(), TextParser())
			runtime.GC()
			b.StartTimer()
			before := cpuTime()
			first, _ = search(b, c)
			cpu += cpuTime() - before
		}
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
		b.ReportMetric(stop(), "peak-heap-MB")
		b.ReportMetric(float64(first.Microseconds())/1000, "first-ms")
	})
	b.Run("parse-only", func(b *testing.B) {
		b.SetBytes(size)
		cpu := cpuTime()
		defer func() { b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op") }()
		for b.Loop() {
			var wg sync.WaitGroup
			slots := make(chan struct{}, runtime.GOMAXPROCS(0))
			for _, e := range s.Entries {
				paths, _ := PageFiles(e.Dir)
				for _, p := range paths {
					wg.Go(func() {
						slots <- struct{}{}
						defer func() { <-slots }()
						data, _ := ReadPage(p)
						TextParser().Parse(p, data)
					})
				}
			}
			wg.Wait()
		}
	})
}
