// Package jsonlog is an append-only file of JSON lines that survives a crash: each append is fsynced before it is
// acknowledged, and a torn last line (a write a crash cut short, never acknowledged) is dropped on read and cut
// before the next append.
package jsonlog

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Log appends lines to one file. It is not safe for concurrent use: its owner serialises appends.
type Log struct {
	path string
	// valid is the length of the file's whole lines: a torn line after it is cut before the next append.
	valid int64
}

// Open reads every whole line of the file at path (none when it does not exist yet) and returns the log positioned
// after them. The lines are returned without their newline.
func Open(path string) (*Log, [][]byte, error) {
	l := &Log{path: path}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return l, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	var lines [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			break // torn: never acknowledged
		}
		lines = append(lines, b[:i])
		l.valid += int64(i + 1)
		b = b[i+1:]
	}
	return l, lines, nil
}

// Path is the log's file.
func (l *Log) Path() string { return l.path }

// Append writes line (which must not contain a newline) and a newline after the whole lines, and fsyncs the file
// (and its directory when the append creates the file). On error nothing is acknowledged and the next append
// overwrites what was partly written.
func (l *Log) Append(line []byte) error {
	if bytes.IndexByte(line, '\n') >= 0 {
		return errors.New("append: line contains a newline")
	}
	dir := filepath.Dir(l.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	_, statErr := os.Stat(l.path)
	f, err := os.OpenFile(l.path, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Truncate(l.valid); err != nil {
		return err
	}
	buf := make([]byte, 0, len(line)+1)
	buf = append(append(buf, line...), '\n')
	if _, err := f.WriteAt(buf, l.valid); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if errors.Is(statErr, os.ErrNotExist) {
		if err := SyncDir(dir); err != nil {
			return err
		}
	}
	l.valid += int64(len(buf))
	return nil
}

// SyncDir fsyncs a directory, so that a file created or renamed in it survives a crash.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
