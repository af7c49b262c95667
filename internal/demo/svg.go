package demo

import (
	"fmt"
	"hash/fnv"
)

// placeholderSVG stands in for an article's photo: a flat colour derived from the slug, so it never changes.
func placeholderSVG(it *item) []byte {
	f := fnv.New32a()
	_, _ = f.Write([]byte(it.Slug))
	c := f.Sum32() & 0x7f7f7f
	return fmt.Appendf(nil, `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450">`+
		`<rect width="800" height="450" fill="#%06x"/><circle cx="400" cy="225" r="90" fill="#ffffff" opacity="0.25"/></svg>`+"\n", c)
}

// logoSVG draws each outlet's logo; the texts are fixed, so no escaping is needed.
func logoSVG(info OutletInfo) []byte {
	const head = `<svg xmlns="http://www.w3.org/2000/svg" `
	switch info.ID {
	case outletBaohotay:
		return []byte(head + `width="240" height="60" viewBox="0 0 240 60"><rect width="240" height="60" rx="4" fill="#b5121b"/>` +
			`<text x="120" y="40" font-family="Georgia, serif" font-size="28" font-weight="bold" fill="#fff" text-anchor="middle">BÁO HỒ TÂY</text></svg>` + "\n")
	case outletHoasen:
		return []byte(head + `width="80" height="80" viewBox="0 0 80 80"><circle cx="40" cy="40" r="38" fill="#ffde00"/>` +
			`<circle cx="40" cy="40" r="32" fill="#c8102e"/><polygon points="40,14 46,32 65,32 50,43 56,61 40,50 24,61 30,43 15,32 34,32" fill="#ffde00"/></svg>` + "\n")
	default:
		return []byte(head + `width="240" height="60" viewBox="0 0 240 60"><rect width="240" height="60" rx="8" fill="#ffffff"/>` +
			`<text x="16" y="30" font-family="Arial, sans-serif" font-size="22" font-weight="bold" fill="#0b5394">SÔNG HỒNG</text>` +
			`<text x="16" y="50" font-family="Arial, sans-serif" font-size="14" fill="#d9480f">PHÁT THANH · FM 96,5</text></svg>` + "\n")
	}
}
