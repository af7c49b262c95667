package main

import (
	"bufio"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDockerfileBuildsTheGoBinary reads the Dockerfile's build command, checks it builds this command statically
// with the Go version of go.mod, and runs that same command here: without a Docker engine this is how CI knows the
// image would hold the binary `go build` makes.
func TestDockerfileBuildsTheGoBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	root := filepath.Join("..", "..")
	df, err := os.ReadFile(filepath.Join(root, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goVersion := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(gomod)
	if goVersion == nil {
		t.Fatal("go.mod has no go directive")
	}
	var buildCmd, user, health string
	fromGo := false
	sc := bufio.NewScanner(strings.NewReader(string(df)))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "FROM golang:"+string(goVersion[1])):
			fromGo = true
		case strings.HasPrefix(line, "RUN ") && strings.Contains(line, "go build"):
			buildCmd = strings.TrimPrefix(line, "RUN ")
		case strings.HasPrefix(line, "USER "):
			user = strings.TrimPrefix(line, "USER ")
		case strings.HasPrefix(line, "HEALTHCHECK "):
			health = line
		}
	}
	if !fromGo {
		t.Errorf("the build stage is not FROM golang:%s (go.mod's version)", goVersion[1])
	}
	if user == "" || user == "root" || user == "0" {
		t.Errorf("the image runs as %q, want a non-root user", user)
	}
	if !strings.Contains(health, "/healthz") {
		t.Errorf("HEALTHCHECK %q does not probe /healthz", health)
	}
	if !strings.Contains(string(df), `VOLUME ["/data"]`) {
		t.Error("no data volume")
	}
	if !strings.Contains(buildCmd, "CGO_ENABLED=0") || !strings.HasSuffix(buildCmd, "./cmd/genderlens") {
		t.Fatalf("build command %q is not a static build of ./cmd/genderlens", buildCmd)
	}
	out := filepath.Join(t.TempDir(), "genderlens")
	cmdLine := strings.Replace(buildCmd, "/out/genderlens", out, 1)
	build := exec.Command("sh", "-c", cmdLine)
	build.Dir = root
	if msg, err := build.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", cmdLine, err, msg)
	}
	f, err := elf.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Error("the binary is dynamically linked; the alpine image would not run it")
		}
	}
	ver, err := exec.Command(out, "version").Output()
	if err != nil || !strings.HasPrefix(string(ver), "genderlens ") {
		t.Errorf("built binary's version: %q, %v", ver, err)
	}
}
