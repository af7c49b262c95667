package demo

import (
	"fmt"
	"strconv"
)

// ListingURLs are the first pages of the home page and every section listing, the way a reader would browse.
func (h *Handler) ListingURLs() []string {
	out := []string{h.base + "/"}
	for _, s := range h.sections {
		out = append(out, h.base+h.sectionPath(s.slug, 1))
	}
	return out
}

func (h *Handler) articlePath(it *item) string {
	switch h.info.ID {
	case outletBaohotay:
		return fmt.Sprintf("/%s/%s-%d.html", it.Section, it.Slug, it.id)
	case outletHoasen:
		return "/tin-tuc/" + it.Slug + ".html"
	default:
		return "/tin/" + it.Section + "/" + it.Slug
	}
}

func (h *Handler) imagePath(it *item) string {
	switch h.info.ID {
	case outletBaohotay:
		return it.local.Format("/uploads/2006/01/02/") + it.Slug + ".svg"
	case outletHoasen:
		return "/Upload/TinTuc/" + strconv.Itoa(it.id) + ".svg"
	default:
		return "/media/images/" + it.Slug + ".svg"
	}
}

// sectionPath is the listing of a section; each outlet paginates the way its CMS would.
func (h *Handler) sectionPath(slug string, page int) string {
	switch h.info.ID {
	case outletBaohotay:
		if page > 1 {
			return "/" + slug + "/trang-" + strconv.Itoa(page)
		}
		return "/" + slug + "/"
	case outletHoasen:
		return withPage("/chuyen-muc/"+slug+"/", "trang", page)
	default:
		return withPage("/tin/"+slug+"/", "page", page)
	}
}

func withPage(p, key string, page int) string {
	if page > 1 {
		return p + "?" + key + "=" + strconv.Itoa(page)
	}
	return p
}

// audioPath is where the radio station keeps the recording of a news item (robots.txt keeps crawlers out).
func audioPath(it *item) string {
	return "/media/audio/" + it.local.Format("2006/01/02/") + it.Slug + ".mp3"
}

// feedPath is where the outlet publishes its RSS feed; the portal has none.
func (h *Handler) feedPath() string {
	switch h.info.ID {
	case outletBaohotay:
		return "/rss.xml"
	case outletSonghong:
		return "/rss/tin-tuc.rss"
	}
	return ""
}
