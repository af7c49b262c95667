package server

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// startLimited serves a test server's handler with limits l on a loopback listener, as `genderlens serve` does.
func startLimited(t *testing.T, l Limits) string {
	t.Helper()
	idx, sc := testStore(t)
	srv, err := New(Options{Store: idx, Scorer: sc, Registry: prometheus.NewRegistry()})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := HTTPServer(srv.Handler(), l)
	go hs.Serve(LimitListener(ln, l))
	t.Cleanup(func() { hs.Close() })
	return ln.Addr().String()
}

// closedWithin reports how long the server took to close (or answer and close) conn, failing after limit.
func closedWithin(t *testing.T, conn net.Conn, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	conn.SetReadDeadline(start.Add(limit))
	_, err := io.Copy(io.Discard, conn)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("the server still held the connection after %s", limit)
	}
	return time.Since(start)
}

// TestFaultSlowClients: a client that promises a body and never sends it, one that opens a connection and says
// nothing, and a kept-alive idle connection are each cut off after their timeout; and /healthz answers while more
// silent connections are open than the connection limit.
func TestFaultSlowClients(t *testing.T) {
	l := Limits{ReadHeaderTimeout: 300 * time.Millisecond, ReadTimeout: 600 * time.Millisecond,
		WriteTimeout: 2 * time.Second, IdleTimeout: 400 * time.Millisecond, MaxConnections: 8}
	addr := startLimited(t, l)
	dial := func(t *testing.T) net.Conn {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		return conn
	}

	t.Run("promised body never sent", func(t *testing.T) {
		conn := dial(t)
		io.WriteString(conn, "POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nChị")
		if took := closedWithin(t, conn, 5*time.Second); took > 3*time.Second {
			t.Errorf("cut off after %s; want about the read timeout %s", took, l.ReadTimeout)
		}
	})
	t.Run("headers never finished", func(t *testing.T) {
		conn := dial(t)
		io.WriteString(conn, "GET /healthz HTTP/1.1\r\nHost: x\r\n")
		if took := closedWithin(t, conn, 5*time.Second); took > 3*time.Second {
			t.Errorf("cut off after %s; want about the read-header timeout %s", took, l.ReadHeaderTimeout)
		}
	})
	t.Run("idle keep-alive", func(t *testing.T) {
		conn := dial(t)
		io.WriteString(conn, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if took := closedWithin(t, conn, 5*time.Second); took > 3*time.Second {
			t.Errorf("cut off after %s; want about the idle timeout %s", took, l.IdleTimeout)
		}
	})
	t.Run("healthz with many silent connections", func(t *testing.T) {
		for range 4 * l.MaxConnections {
			dial(t)
		}
		client := &http.Client{Timeout: 10 * time.Second}
		start := time.Now()
		resp, err := client.Get("http://" + addr + "/healthz")
		if err != nil {
			t.Fatalf("/healthz with %d silent connections open: %v", 4*l.MaxConnections, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"ok"`) {
			t.Errorf("/healthz: %d %s", resp.StatusCode, body)
		}
		t.Logf("/healthz answered in %s with %d silent connections open (limit %d)", time.Since(start), 4*l.MaxConnections,
			l.MaxConnections)
	})
}
