package demo

import "html/template"

// pageView is everything a page template may show; each outlet's templates use the parts their style has.
type pageView struct {
	Kind        string
	Site        siteView
	Title       string
	Description string
	// Canonical is absolute; empty on sites without canonical links.
	Canonical string
	OG        *ogView
	JSONLD    template.JS
	Heading   string
	Section   string
	Article   *articleView
	Items     []itemView
	Pager     *pagerView
	Blocks    []sectionBlock
	Sidebar   []itemView
	Query     string
}

type siteView struct {
	ID, Name, Base string
	Sections       []linkView
	Ticker         []itemView
	Docs           []docEntry
	Schedule       []scheduleEntry
	Visitors       string
	Online         int
	// Year is the copyright year, taken from the newest article so that pages do not depend on the clock.
	Year int
}

type linkView struct {
	Name, URL string
	Active    bool
}

type itemView struct {
	Title, URL, Lead, Date, ISO, Image, ImageAlt, Section, SectionURL string
}

type sectionBlock struct {
	Name, URL string
	Items     []itemView
}

type pagerView struct {
	Current, Total int
	Pages          []pageLink
	Prev, Next     string
}

type pageLink struct {
	N       int
	URL     string
	Current bool
}

type ogView struct {
	Type, Title, Description, URL, Image, SiteName, Published, Section, Author string
}

type articleView struct {
	Title, Lead, Author, Date, ISO, Section, SectionURL, URL string
	Blocks                                                   []blockView
	Image                                                    *imageView
	Related                                                  []itemView
	Tags                                                     []linkView
	AudioURL                                                 string
}

// blockView is one piece of the body: a paragraph, the image or an in-article ad.
type blockView struct {
	Kind, Text string
}

type imageView struct {
	URL, AbsURL, Alt, Caption string
}

type docEntry struct {
	Number, Date, Title, Anchor string
}

type scheduleEntry struct {
	Time, Program string
}
