package themes

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestResolve(t *testing.T) {
	sepia := Theme{Name: "sepia", Title: Style{Bold: true}}
	tests := []struct {
		name    string
		opts    Options
		want    string
		wantErr bool
	}{
		{"a dark terminal gets ink", Options{DarkBackground: true}, "ink", false},
		{"a light terminal gets paper", Options{}, "paper", false},
		{"NO_COLOR gets plain", Options{NoColor: "1", DarkBackground: true}, "plain", false},
		{"any non-empty NO_COLOR counts", Options{NoColor: "0"}, "plain", false},
		{"an empty NO_COLOR does not count", Options{NoColor: "", DarkBackground: true}, "ink", false},
		{"an explicit theme wins", Options{Name: "contrast"}, "contrast", false},
		{"an explicit theme beats NO_COLOR", Options{Name: "ink", NoColor: "1"}, "ink", false},
		{"an explicit theme beats the terminal", Options{Name: "paper", DarkBackground: true}, "paper", false},
		{"an explicit user theme is found", Options{Name: "sepia", User: []Theme{sepia}}, "sepia", false},
		{"an explicit name ignores case", Options{Name: "Sepia", User: []Theme{sepia}}, "sepia", false},
		{"an unknown theme is an error, falling back by terminal", Options{Name: "nope", DarkBackground: true}, "ink", true},
		{"an unknown theme falls back to plain under NO_COLOR", Options{Name: "nope", NoColor: "1"}, "plain", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(tt.opts)
			if (err != nil) != tt.wantErr {
				t.Errorf("Resolve(%+v) error = %v, want error %v", tt.opts, err, tt.wantErr)
			}
			if got.Name != tt.want {
				t.Errorf("Resolve(%+v) = %s, want %s", tt.opts, got.Name, tt.want)
			}
		})
	}
}

func TestResolveErrorListsTheThemes(t *testing.T) {
	_, err := Resolve(Options{Name: "nope", User: []Theme{{Name: "sepia"}}})
	want := `no theme called "nope"; there are paper, ink, contrast, plain, sepia`
	if err == nil || err.Error() != want {
		t.Errorf("Resolve error = %v, want %s", err, want)
	}
}

func TestDir(t *testing.T) {
	tests := []struct {
		name, xdg, home, want string
	}{
		{"XDG_CONFIG_HOME is used when set", "/xdg", "/home/li", filepath.Join("/xdg", "dubao", "themes")},
		{"~/.config is the fallback", "", "/home/li", filepath.Join("/home/li", ".config", "dubao", "themes")},
		{"a relative XDG_CONFIG_HOME is ignored", "rel/config", "/home/li", filepath.Join("/home/li", ".config", "dubao", "themes")},
		{"neither gives no directory", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Dir(tt.xdg, tt.home); got != tt.want {
				t.Errorf("Dir(%q, %q) = %q, want %q", tt.xdg, tt.home, got, tt.want)
			}
		})
	}
}

func TestAvailableListsBuiltinsThenUser(t *testing.T) {
	got := Available([]Theme{{Name: "sepia"}})
	want := []string{"paper", "ink", "contrast", "plain", "sepia"}
	if !slices.Equal(got, want) {
		t.Errorf("Available = %v, want %v", got, want)
	}
}
