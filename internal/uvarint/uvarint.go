// Package uvarint reads encoding/binary's unsigned varints from a string
// without copying it into a byte slice: the embedded rules snapshot and the
// scorer's trie blob are strings read at every start.
package uvarint

import "encoding/binary"

// FromString is binary.Uvarint of s: the value and the bytes read, 0 bytes
// when s ends inside the varint, and -n when the value overflows 64 bits
// after n bytes.
func FromString(s string) (uint64, int) {
	var v uint64
	for i := 0; i < len(s); i++ {
		if i == binary.MaxVarintLen64 {
			return 0, -(i + 1) // overflow: too many bytes
		}
		b := s[i]
		if b < 0x80 {
			if i == binary.MaxVarintLen64-1 && b > 1 {
				return 0, -(i + 1) // overflow
			}
			return v | uint64(b)<<(7*i), i + 1
		}
		v |= uint64(b&0x7f) << (7 * i)
	}
	return 0, 0
}
