package shelf

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/dubaoreader/dubao/internal/safefile"
)

// State is what the reader remembers between sessions, per issue: the
// stories read and where the reading stopped.
type State struct {
	Version int                    `json:"version"`
	Issues  map[string]*IssueState `json:"issues"`
}

// IssueState is what is remembered of one issue.
type IssueState struct {
	// Read maps a story's key (model.Story.Key) to when it was opened, in
	// Unix seconds.
	Read map[string]int64 `json:"read"`
	// Position is where the reading stopped, nil before the first reading.
	Position *Position `json:"position,omitempty"`
}

// Position is a place in an issue: a story, a paragraph in it, and the
// byte in the paragraph at which the line at the top starts — a byte, not
// a line, so that it survives a different width.
type Position struct {
	Story  string `json:"story"`
	Para   int    `json:"para"`
	Offset int    `json:"offset"`
	At     int64  `json:"at"` // when it was saved, Unix seconds
}

const stateVersion = 1

// Issue returns the state of an issue, creating it.
func (s *State) Issue(key string) *IssueState {
	if s.Issues == nil {
		s.Issues = map[string]*IssueState{}
	}
	is := s.Issues[key]
	if is == nil {
		is = &IssueState{Read: map[string]int64{}}
		s.Issues[key] = is
	}
	if is.Read == nil {
		is.Read = map[string]int64{}
	}
	return is
}

// Lookup returns what is remembered of the issue kept under key, with what
// was kept under legacy — an older key of the same issue, "" for none —
// merged in: the stories read under either, and the newer position. nil
// when nothing is remembered.
func (s *State) Lookup(key, legacy string) *IssueState {
	is, old := s.Issues[key], s.Issues[legacy]
	if legacy == "" || legacy == key || old == nil {
		return is
	}
	out := &IssueState{Read: map[string]int64{}}
	for _, from := range []*IssueState{old, is} {
		if from == nil {
			continue
		}
		for k, at := range from.Read {
			out.Read[k] = max(out.Read[k], at)
		}
		if p := from.Position; p != nil && (out.Position == nil || p.At >= out.Position.At) {
			out.Position = p
		}
	}
	return out
}

// A Store keeps the state in a file, written atomically (a temporary file,
// then a rename) under a lock, and merged with what is on disk at every
// write, so that two readers open at once lose neither one's marks.
type Store struct {
	path string
}

// StateDir is where the state lives: $XDG_STATE_HOME/dubao, or
// ~/.local/state/dubao.
func StateDir(xdgStateHome, home string) string {
	if filepath.IsAbs(xdgStateHome) {
		return filepath.Join(xdgStateHome, "dubao")
	}
	if home == "" {
		return ""
	}
	return filepath.Join(home, ".local", "state", "dubao")
}

// NewStore keeps the state in dir/state.json.
func NewStore(dir string) *Store {
	return &Store{path: filepath.Join(dir, "state.json")}
}

// Path is the state file's path.
func (st *Store) Path() string { return st.path }

// A Warning is a problem with the state file that does not stop the
// reading: the reader shows it in a line and goes on.
type Warning struct {
	msg string
	// Aside is the name the damaged file was set aside as, in the state's
	// folder; "" when it was not.
	Aside string
}

func (w *Warning) Error() string { return w.msg }

// MaxStateSize is the largest state file read; years of reading take a
// few hundred kilobytes.
const MaxStateSize = 16 << 20

// Load reads the state. A missing file is an empty state. A file that
// cannot be read — damaged, from a newer dubao, too large, not a regular
// file, unreadable — is set aside (renamed to state.json.unread-TIME)
// and an empty state returned with a *Warning that says so, so that
// nothing written later goes over it.
func (st *Store) Load() (*State, error) {
	s, err := st.read()
	if err == nil {
		return s, nil
	}
	// Set aside under the lock, and only what is still unreadable: another
	// reader may have put a good file in its place meanwhile.
	unlock, lerr := lockFile(st.path + ".lock")
	if lerr != nil {
		return &State{Version: stateVersion}, &Warning{msg: fmt.Sprintf("reading state: %v", err)}
	}
	defer unlock()
	if s, err := st.read(); err == nil {
		return s, nil
	}
	return &State{Version: stateVersion}, st.setAside("reading state", err)
}

// read reads the file: a missing file is an empty state; anything else
// that does not give a state of a version this dubao knows is an error.
func (st *Store) read() (*State, error) {
	b, err := safefile.Read(st.path, MaxStateSize)
	if errors.Is(err, fs.ErrNotExist) {
		return &State{Version: stateVersion}, nil
	}
	if err != nil {
		return nil, err
	}
	var s State
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("damaged: %w", err)
	}
	if s.Version > stateVersion {
		return nil, fmt.Errorf("state version %d is newer than this dubao knows (%d)", s.Version, stateVersion)
	}
	s.Version = stateVersion
	return &s, nil
}

// setAside renames the state file, which could not be read (why), out of
// the way, under the lock, and returns the *Warning that says so. A file
// that cannot be set aside is a plain error: nothing may be written over it.
func (st *Store) setAside(doing string, why error) error {
	stamp := time.Now().Format("20060102-150405")
	aside := fmt.Sprintf("%s.unread-%s", st.path, stamp)
	for n := 2; ; n++ {
		if _, err := os.Lstat(aside); errors.Is(err, fs.ErrNotExist) {
			break
		}
		aside = fmt.Sprintf("%s.unread-%s-%d", st.path, stamp, n)
	}
	if err := os.Rename(st.path, aside); err != nil {
		return fmt.Errorf("%s: %s could not be read (%v) nor set aside (%v), so nothing is saved", doing, st.path, why, err)
	}
	// What happened first: a status bar cuts the end of a long line.
	return &Warning{msg: fmt.Sprintf("%s: could not be read, set aside as %s in %s (%v)", doing, filepath.Base(aside), filepath.Dir(aside), why), Aside: filepath.Base(aside)}
}

// Update changes the state on disk: under the lock it reads the file as it
// is now (another reader may have written it), lets change apply this
// reader's changes to it, and writes it back atomically. change should set
// what this reader did (a story read, a position) rather than copy a whole
// state, so that the other reader's changes stay.
//
// A file that cannot be read now — replaced under a running reader by a
// damaged one or one of a newer dubao — is set aside first, as Load sets
// it aside, and Update returns the *Warning once it has written the change;
// if it cannot be set aside, nothing is written. Temporary files that a
// writer killed half-way left behind are removed.
func (st *Store) Update(change func(*State)) error {
	if err := os.MkdirAll(filepath.Dir(st.path), 0o755); err != nil {
		return fmt.Errorf("saving state: %w", err)
	}
	unlock, err := lockFile(st.path + ".lock")
	if err != nil {
		return fmt.Errorf("saving state: %w", err)
	}
	defer unlock()
	removeStaleTemps(filepath.Dir(st.path))
	var warning error
	s, err := st.read()
	if err != nil {
		if warning = st.setAside("saving state", err); !isWarning(warning) {
			return warning
		}
		s = &State{Version: stateVersion}
	}
	change(s)
	if err := writeAtomic(st.path, s); err != nil {
		return err
	}
	return warning
}

func isWarning(err error) bool {
	var w *Warning
	return errors.As(err, &w)
}

// tempPattern names the temporary files writeAtomic writes.
const tempPattern = ".state-*.tmp"

// removeStaleTemps removes the temporary files of writes that never ended
// (the writer killed): all of them when the lock keeps other writers out,
// else those over an hour old.
func removeStaleTemps(dir string) {
	temps, _ := filepath.Glob(filepath.Join(dir, tempPattern))
	for _, t := range temps {
		if !lockExcludes {
			if info, err := os.Lstat(t); err != nil || time.Since(info.ModTime()) < time.Hour {
				continue
			}
		}
		os.Remove(t)
	}
}

// writeAtomic writes s to a temporary file beside path and renames it over
// path, so that a reader never sees half a file.
func writeAtomic(path string, s *State) error {
	b, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		return fmt.Errorf("saving state: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), tempPattern)
	if err != nil {
		return fmt.Errorf("saving state: %w", err)
	}
	tmp := f.Name()
	_, werr := f.Write(append(b, '\n'))
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("saving state: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("saving state: %w", err)
	}
	return nil
}

// MarkRead records that a story of an issue was opened.
func MarkRead(issue, story string, at time.Time) func(*State) {
	return func(s *State) {
		is := s.Issue(issue)
		if at.Unix() > is.Read[story] {
			is.Read[story] = at.Unix()
		}
	}
}

// SetPosition records where the reading of an issue stopped; a newer
// position wins over an older one.
func SetPosition(issue string, p Position) func(*State) {
	return func(s *State) {
		is := s.Issue(issue)
		if is.Position == nil || p.At >= is.Position.At {
			q := p
			is.Position = &q
		}
	}
}
