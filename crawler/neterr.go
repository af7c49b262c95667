package crawler

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"strings"
)

// unreachableKind names the error kind of a failure to reach a host at all: "dns" (the name does not resolve),
// "connect" (no connection: refused, unreachable, dial timeout) or "tls" (no secure channel: handshake or certificate).
// Anything else (a reset mid-transfer, a read timeout) is "" : the host was reached. A run with such a failure is
// not a success, since the outlet was, at least in part, not crawled at all.
func unreachableKind(err error) string {
	if err == nil {
		return ""
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return "dns"
	}
	var (
		certErr     *tls.CertificateVerificationError
		recordErr   tls.RecordHeaderError
		alertErr    tls.AlertError
		unknownAuth x509.UnknownAuthorityError
		hostErr     x509.HostnameError
		invalidErr  x509.CertificateInvalidError
	)
	if errors.As(err, &certErr) || errors.As(err, &recordErr) || errors.As(err, &alertErr) ||
		errors.As(err, &unknownAuth) || errors.As(err, &hostErr) || errors.As(err, &invalidErr) {
		return "tls"
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return "connect"
	}
	if strings.Contains(err.Error(), "tls: ") {
		// Handshake failures the tls package reports as plain errors ("tls: handshake failure", "tls: protocol version").
		return "tls"
	}
	return ""
}
