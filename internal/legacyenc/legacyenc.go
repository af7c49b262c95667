// Package legacyenc encodes test pages the way old Vietnamese sites serve them, so that crawler and command tests
// exercise the decoders on real windows-1258 bytes.
package legacyenc

import (
	"strings"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Windows1258Form spells text the way windows-1258 can encode it: letters with a circumflex, breve or horn stay
// precomposed, while the five tone marks become combining characters.
func Windows1258Form(s string) string {
	tones := map[rune]bool{0x300: true, 0x301: true, 0x303: true, 0x309: true, 0x323: true}
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		var base, marks []rune
		for _, d := range norm.NFD.String(string(r)) {
			if tones[d] {
				marks = append(marks, d)
			} else {
				base = append(base, d)
			}
		}
		b.WriteString(norm.NFC.String(string(base)))
		b.WriteString(string(marks))
	}
	return b.String()
}

// Windows1258 encodes s in windows-1258.
func Windows1258(s string) ([]byte, error) {
	return charmap.Windows1258.NewEncoder().Bytes([]byte(Windows1258Form(s)))
}
