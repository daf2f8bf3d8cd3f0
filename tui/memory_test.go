package tui

import (
	"errors"
	"sync"
)

// fakeMemory remembers in maps what the reader tells it, as shelf.Store
// would in its file.
type fakeMemory struct {
	mu       sync.Mutex
	read     map[string]map[string]bool
	position map[string]Position
	loadErr  error // Load's warning
	saveErr  error // what saving comes to
	loads    int
}

func newFakeMemory() *fakeMemory {
	return &fakeMemory{read: map[string]map[string]bool{}, position: map[string]Position{}}
}

func (f *fakeMemory) Load(issue string) (Recall, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.loads++
	var r Recall
	for k := range f.read[issue] {
		r.Read = append(r.Read, k)
	}
	if p, ok := f.position[issue]; ok {
		r.Position = &p
	}
	err := f.loadErr
	f.loadErr = nil // a damaged file is set aside: said once
	return r, err
}

func (f *fakeMemory) MarkRead(issue, story string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return f.saveErr
	}
	if f.read[issue] == nil {
		f.read[issue] = map[string]bool{}
	}
	f.read[issue][story] = true
	return nil
}

func (f *fakeMemory) SetPosition(issue string, p Position) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return f.saveErr
	}
	f.position[issue] = p
	return nil
}

var errDiskFull = errors.New("saving state: no space left on device")
