package indexer

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"
)

// TestKeepNoSpace: a full disk stays recognisable (errors.Is) when bleve flattened its errno into text, and nothing
// else becomes one.
func TestKeepNoSpace(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want syscall.Errno // 0: none of the full-disk errnos
	}{
		{"bleve flattened EFBIG", errors.New("segment: /d/2025.bleve/store/0c.zap persist err: write /d/2025.bleve/store/0c.zap: file too large"), syscall.EFBIG},
		{"bleve flattened ENOSPC", errors.New("persist err: write /d/x.zap: no space left on device"), syscall.ENOSPC},
		{"bleve flattened EDQUOT", errors.New("persist err: write /d/x.zap: disk quota exceeded"), syscall.EDQUOT},
		{"chain kept", fmt.Errorf("store: %w", &fs.PathError{Op: "write", Path: "/d/results.db", Err: syscall.ENOSPC}), syscall.ENOSPC},
		{"other failure", errors.New("persist err: write /d/x.zap: input/output error"), 0},
		{"words in a URL are not an errno", errors.New("index http://x/file too large: bad field"), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := keepNoSpace(tt.err)
			if got.Error() != tt.err.Error() {
				t.Errorf("text changed: %q, want %q", got, tt.err)
			}
			for _, e := range noSpaceErrnos {
				if errors.Is(got, e) != (e == tt.want) {
					t.Errorf("errors.Is(%v, %v) = %v, want %v", got, e, errors.Is(got, e), e == tt.want)
				}
			}
		})
	}
	if keepNoSpace(nil) != nil {
		t.Error("keepNoSpace(nil) != nil")
	}
}
