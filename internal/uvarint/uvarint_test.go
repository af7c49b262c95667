package uvarint

import (
	"encoding/binary"
	"math"
	"testing"
)

func TestFromStringAgreesWithBinary(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
	}{
		{"empty", nil},
		{"zero", binary.AppendUvarint(nil, 0)},
		{"one byte", binary.AppendUvarint(nil, 127)},
		{"two bytes", binary.AppendUvarint(nil, 128)},
		{"max", binary.AppendUvarint(nil, math.MaxUint64)},
		{"with trailing bytes", append(binary.AppendUvarint(nil, 300), 7, 8)},
		{"truncated", binary.AppendUvarint(nil, 1<<40)[:3]},
		{"overflow in the tenth byte", []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02}},
		{"eleven bytes", []byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantV, wantN := binary.Uvarint(tt.in)
			gotV, gotN := FromString(string(tt.in))
			if gotV != wantV || gotN != wantN {
				t.Errorf("FromString(% x) = %d, %d; binary.Uvarint says %d, %d", tt.in, gotV, gotN, wantV, wantN)
			}
		})
	}
}

func FuzzFromString(f *testing.F) {
	f.Add([]byte{0x96, 0x01})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, in []byte) {
		wantV, wantN := binary.Uvarint(in)
		if gotV, gotN := FromString(string(in)); gotV != wantV || gotN != wantN {
			t.Errorf("FromString(% x) = %d, %d; binary.Uvarint says %d, %d", in, gotV, gotN, wantV, wantN)
		}
	})
}
