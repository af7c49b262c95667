// Package atstart reserves huge pages for the heap when the program starts,
// before the packages it imports initialise theirs: imported for that effect
// alone, by a command whose start-up time matters (genderlens check). Go
// initialises packages in the order of their import paths among those whose
// imports are ready, and this one imports nothing but the standard library,
// so it runs before nearly all of a program's other dependencies.
package atstart

import "genderlens/internal/hugeheap"

// reserve is what the process allocates in its first moments: the
// dependencies' initialisation (some 5 MB) and the compiled rules (some 40).
const reserve = 64 << 20

func init() { hugeheap.Reserve(reserve) }
