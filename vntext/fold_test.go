package vntext

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFoldUnifiesToneConventionsAndForms(t *testing.T) {
	pairs := [][2]string{
		{"hoà", "hòa"},
		{"thuý", "thúy"},
		{"khoẻ", "khỏe"},
		{"Hoà Bình", "hòa bình"},
		{"PHỤ NỮ", "phụ nữ"},
		{norm.NFD.String("Người đẹp"), "người đẹp"},
		{norm.NFD.String("thuở"), "thuở"},
		{"ngoặc", norm.NFD.String("NGOẶC")},
	}
	for _, p := range pairs {
		a, b := FoldString(p[0]), FoldString(p[1])
		if a != b {
			t.Errorf("FoldString(%q)=%q, FoldString(%q)=%q; want equal", p[0], a, p[1], b)
		}
	}
	if FoldString("hòa") == FoldString("hoa") {
		t.Error("tone must not be dropped by FoldString")
	}
	if FoldString("ơ") == FoldString("o") {
		t.Error("quality marks must be kept by FoldString")
	}
}

func TestFoldOffsets(t *testing.T) {
	for _, in := range []string{
		"Bà Nguyễn Thị Hoà nói: “Tôi khoẻ.”",
		norm.NFD.String("Bà Nguyễn Thị Hoà nói: “Tôi khoẻ.”"),
		"abc \xff xyz",
	} {
		k := Fold(in)
		for _, sp := range Syllables(k.Text) {
			s, e := k.Offset(sp.Start), k.Offset(sp.End)
			if s > e || e > len(in) {
				t.Fatalf("bad span %d-%d in %q", s, e, in)
			}
			if FoldString(in[s:e]) != k.Text[sp.Start:sp.End] {
				t.Errorf("%q: input %q folds to %q, key has %q", in, in[s:e], FoldString(in[s:e]), k.Text[sp.Start:sp.End])
			}
		}
	}
}

func TestFoldDiacritics(t *testing.T) {
	cases := map[string]string{
		"phụ nữ":                  "phu nu",
		"Đàn ông":                 "dan ong",
		norm.NFD.String("Nguyễn"): "nguyen",
		"Thuỷ Tiên, Hoà":          "thuy tien, hoa",
		"ƯỚC MƠ":                  "uoc mo",
	}
	for in, want := range cases {
		if got := FoldDiacritics(in); got != want {
			t.Errorf("FoldDiacritics(%q)=%q, want %q", in, got, want)
		}
	}
}

func TestSentences(t *testing.T) {
	in := "PGS.TS. Lê Thị Hoa ở TP.HCM nói vậy. Cháu N.T.Y.N. học lớp 5! Sau đó…\nDòng mới"
	var got []string
	for _, sp := range Sentences(in) {
		got = append(got, in[sp.Start:sp.End])
	}
	want := []string{"PGS.TS. Lê Thị Hoa ở TP.HCM nói vậy.", "Cháu N.T.Y.N. học lớp 5!", "Sau đó…", "Dòng mới"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Sentences:\n got %q\nwant %q", got, want)
	}
}

func TestQuotes(t *testing.T) {
	in := `Ông A cho biết: “Tốt lắm”. Bà B nói: "Được" rồi "chưa xong`
	var got []string
	for _, sp := range Quotes(in) {
		got = append(got, in[sp.Start:sp.End])
	}
	want := []string{"“Tốt lắm”", `"Được"`, `"chưa xong`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Quotes: got %q want %q", got, want)
	}
}

// A quotation inside a quotation (a source telling what others said) leaves
// the outer one open: its closer closes the inner one.
func TestQuotesNested(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`Chị kể: "Khi cưới, ai cũng nói: "Cô ấy lấy anh vì tiền" và tôi nghĩ: "Kệ họ". Giờ thì khác." Rồi chị cười.`,
			`"Khi cưới, ai cũng nói: "Cô ấy lấy anh vì tiền" và tôi nghĩ: "Kệ họ". Giờ thì khác."`},
		{`Anh nói: “Mẹ dặn: “Con đi cẩn thận” rồi khóc”, rồi im lặng.`, `“Mẹ dặn: “Con đi cẩn thận” rồi khóc”`},
		// A colon before a closing mark, or a mark not before a word, opens nothing.
		{`Bà nói: "Tôi đã chọn: " rồi thôi.`, `"Tôi đã chọn: "`},
		// A straight-quoted name inside a straight quotation, closed right
		// after, leaves the outer one open; unclosed marks nest nothing.
		{`"Nhớ cả nhà "Hoa nắng" lắm. Hẹn gặp lại "Hoa nắng"!", anh viết.`,
			`"Nhớ cả nhà "Hoa nắng" lắm. Hẹn gặp lại "Hoa nắng"!"`},
		{`Họ vào phòng "ma ám'' và "nhiều ma'' rồi về.`, `"ma ám'' và "`},
		// Nesting ends with the paragraph.
		{"Ông viết: \"Họ hỏi: \"Vì sao\nRồi về.", "\"Họ hỏi: \"Vì sao"},
	} {
		var got []string
		for _, sp := range Quotes(tt.in) {
			got = append(got, tt.in[sp.Start:sp.End])
		}
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("Quotes(%q) = %q, want first %q", tt.in, got, tt.want)
		}
	}
}

// A quotation continued over a line break: the next paragraph goes on with it
// when its first quote mark closes it at the paragraph's end; a paragraph
// with a quotation of its own does not.
func TestQuotesOverLineBreak(t *testing.T) {
	in := "Anh viết: \"Em là tất cả.\nCảm ơn cô gái của anh.\"\nHọ cười.\n" +
		"Chị kể: “Lúc ấy trời mưa.\nRồi tạnh”.\nBà nói \"có\" rồi đi.\n" +
		"“Chúng tôi sẽ thắng.\nLần sau cũng vậy” – HLV Tùng nói.\nAnh hát “Mưa”, rồi về."
	var got []string
	for _, sp := range Quotes(in) {
		got = append(got, in[sp.Start:sp.End])
	}
	want := []string{"\"Em là tất cả.", "Cảm ơn cô gái của anh.\"", "“Lúc ấy trời mưa.", "Rồi tạnh”", `"có"`, "“Chúng tôi sẽ thắng.", "Lần sau cũng vậy”", "“Mưa”"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Quotes: got %q want %q", got, want)
	}
}

func TestTokensUnicodeBoundaries(t *testing.T) {
	in := "Nữ bác-sĩ, 25 tuổi"
	var words []string
	for _, tk := range Tokens(in) {
		words = append(words, in[tk.Start:tk.End])
	}
	if got := strings.Join(words, "|"); got != "Nữ|bác|-|sĩ|,|25|tuổi" {
		t.Errorf("Tokens: %s", got)
	}
}

// latinText reports text in the Latin script (and punctuation, digits and
// marks), the only script the rules are written in. Fold composes Mn marks
// only and holds the five tone marks back to a syllable's end, so other
// scripts may fold NFC and NFD differently: Hangul jamo and Indic vowel
// signs compose without being Mn marks, and Greek's acute is a tone mark.
func latinText(s string) bool {
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Latin, unicode.Inherited):
		case unicode.Is(unicode.Common, r) && !norm.NFD.IsNormalString(string(r)):
			return false // a symbol with a mark, "΅"
		case !unicode.Is(unicode.Common, r):
			return false
		}
	}
	return true
}

// foreignTones reports a word with a tone mark that is no Vietnamese
// syllable: two tone marks ("ṍ"), or a letter or mark Vietnamese does not
// write ("ç̀"). Fold places a syllable's tone by Vietnamese spelling, so the
// key of such a word may depend on the form given.
func foreignTones(s string) bool {
	tones, foreign := 0, false
	for _, r := range norm.NFD.String(s) + " " {
		switch {
		case isTone(r):
			tones++
		case !IsWordRune(r):
			if tones >= 2 || tones == 1 && foreign {
				return true
			}
			tones, foreign = 0, false
		case r < utf8.RuneSelf || r == 'đ' || r == 'Đ' || r == '\u0302' || r == '\u0306' || r == '\u031B':
		default:
			foreign = true
		}
	}
	return false
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Hoà bình", "thuý", norm.NFD.String("Nguyễn Thị Khoẻ"), "\xff\xfe", "a\u0301\u0323", "\u0300x", "ĐỨC", "\u0300", "a \u0301",
		"nóiTôi\tHÀ NộI 12a \u0661x áà a\u0301b ẞ Ǆa (đi),\r\nvề\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		k := Fold(in)
		var reused Key
		var buf []byte
		reused.Refold("Bà Hoà khoẻ. "+in+in, &buf)
		reused.Refold(in, &buf)
		if reused.Text != k.Text || len(reused.Tokens) != len(k.Tokens) || reused.Offset(len(in)) != k.Offset(len(in)) {
			t.Fatalf("Refold differs from Fold on %q", in)
		}
		if FoldString(in) != k.Text {
			t.Fatalf("FoldString and Fold disagree on %q", in)
		}
		// Fold's fast paths give what the general steps give, offsets and
		// tokens included.
		var g folder
		g.run(in, true)
		if string(g.key) != k.Text || !slices.Equal(g.offs, k.offs) || !slices.Equal(g.toks, k.Tokens) {
			t.Fatalf("Fold differs from the general steps on %q", in)
		}
		// The pooled folder keeps nothing of a longer text folded before.
		FoldString("Bà HOÀ khoẻ, " + in + in + "\u0300")
		if FoldString(in) != k.Text {
			t.Fatalf("FoldString after another text and Fold disagree on %q", in)
		}
		prev := 0
		for i := 0; i <= len(k.Text); i++ {
			o := k.Offset(i)
			if o < prev || o > len(in) {
				t.Fatalf("offset map not monotone in range at %d: %d (prev %d, len %d)", i, o, prev, len(in))
			}
			prev = o
		}
		if k.Offset(len(k.Text)) != len(in) {
			t.Fatalf("end offset %d != %d", k.Offset(len(k.Text)), len(in))
		}
		// Every token starts on a byte of the input: callers read it.
		for _, tok := range k.Tokens {
			if o := k.Offset(tok.Start); o >= len(in) {
				t.Fatalf("token %+v starts at input offset %d, past the input (%d bytes)", tok, o, len(in))
			}
		}
		if utf8.ValidString(in) && latinText(in) && !foreignTones(in) {
			nfc := norm.NFC.String(in)
			nfd := norm.NFD.String(in)
			if FoldString(nfc) != FoldString(nfd) {
				t.Fatalf("NFC and NFD fold differently: %q vs %q", FoldString(nfc), FoldString(nfd))
			}
		}
		// Fold splits words glued where a line break was lost ("nóiTôi")
		// without writing a separator into the key, so Tokens(key) sees
		// those as one: compare after joining tokens that touch.
		want := Tokens(k.Text)
		got := joinTouching(k.Tokens)
		if len(want) != len(got) {
			t.Fatalf("Fold found %d tokens, Tokens(key) %d", len(got), len(want))
		}
		for i := range want {
			if want[i] != got[i] {
				t.Fatalf("token %d: Fold %+v, Tokens(key) %+v", i, got[i], want[i])
			}
		}
		_ = FoldDiacritics(in)
	})
}

// joinTouching merges each word split off a glued one (it touches the word
// before and is marked as after a line break) back into it, as
// re-tokenising the key text sees them.
func joinTouching(toks []Token) []Token {
	var out []Token
	for _, t := range toks {
		if n := len(out); n > 0 && out[n-1].End == t.Start && t.Newline {
			out[n-1].End = t.End
			continue
		}
		out = append(out, t)
	}
	return out
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"TS. Lan nói: “Có.” Rồi…", "\"a\" 'b'", "x\n\n.y", "PGS.TS.", "",
		"Anh viết: “Chúc mừng\nem, cô gái.”\n“Mới", "Cô nói \"đi\n\nvề.\" Rồi \"x\n\""} { // quotations over paragraphs
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		end := 0
		for _, tk := range Tokens(in) {
			if tk.Start < end || tk.End <= tk.Start || tk.End > len(in) {
				t.Fatalf("bad token %+v", tk)
			}
			end = tk.End
		}
		end = 0
		for _, sp := range Sentences(in) {
			if sp.Start < end || sp.End <= sp.Start || sp.End > len(in) {
				t.Fatalf("bad sentence %+v", sp)
			}
			end = sp.End
		}
		end = 0
		for _, sp := range Quotes(in) {
			if sp.Start < end || sp.End < sp.Start || sp.End > len(in) {
				t.Fatalf("bad quote %+v", sp)
			}
			end = sp.End
		}
	})
}

func TestIsVietnameseSyllable(t *testing.T) {
	for _, c := range []struct {
		word string
		want bool
	}{
		{"Nguyễn", true}, {"hoà", true}, {"Hòa", true}, {"nghiêng", true}, {"gì", true}, {"Tuấn", true}, {"khuya", true},
		{"Domenech", false}, {"Lavrov", false}, {"Zara", false}, {"Kiatisuk", false}, {"Putin", false}, {"John", false},
		{"", false}, {"Park", false},
	} {
		if got := IsVietnameseSyllable(c.word); got != c.want {
			t.Errorf("IsVietnameseSyllable(%q) = %v, want %v", c.word, got, c.want)
		}
	}
}

func TestFoldSplitsGluedWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"bà đỡ liền nóiTôi có", []string{"bà", "đỡ", "liền", "nói", "tôi", "có"}},
		{"giấy choDN nhỏ", []string{"giấy", "cho", "dn", "nhỏ"}},
		{"Zara McDermott và DeGeneres", []string{"zara", "mcdermott", "và", "degeneres"}},
		{"VnExpress iPhone", []string{"vnexpress", "iphone"}},
	} {
		k := Fold(c.in)
		var got []string
		for _, tok := range k.Tokens {
			if tok.Kind != Punct {
				got = append(got, FoldDiacritics(k.Text[tok.Start:tok.End]))
			}
		}
		var want []string
		for _, w := range c.want {
			want = append(want, FoldDiacritics(w))
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("Fold(%q) tokens %v, want %v", c.in, got, want)
		}
	}
	// The split starts a new line: a phrase never runs across it.
	k := Fold("nóiTôi")
	if len(k.Tokens) != 2 || !k.Tokens[1].Newline {
		t.Errorf("glued split: %+v", k.Tokens)
	}
}

// TestLetterCase: the fast path agrees with the Unicode tables on every rune it answers.
func TestLetterCase(t *testing.T) {
	for r := rune(0); r <= 0x1FFF; r++ {
		up, lo := LetterCase(r)
		if up != unicode.IsUpper(r) || lo != unicode.IsLower(r) {
			t.Errorf("LetterCase(%U %q) = %v, %v; unicode says %v, %v", r, r, up, lo, unicode.IsUpper(r), unicode.IsLower(r))
		}
	}
}

// foldTermReference is the definition FoldTerm keeps to, as the search index's token filter folded the terms of
// existing indexes: each character on its own (no canonical reordering across characters), NFD, combining marks
// dropped, đ to d; an invalid byte is U+FFFD.
func foldTermReference(term []byte) []byte {
	out := []byte{}
	for _, r := range string(term) {
		for _, d := range norm.NFD.String(string(r)) {
			switch {
			case unicode.Is(unicode.Mn, d):
				continue
			case d == 'đ':
				d = 'd'
			case d == 'Đ':
				d = 'D'
			}
			out = utf8.AppendRune(out, d)
		}
	}
	return out
}

// TestFoldTerm holds what the index's token filter made of these terms before the folding moved here.
func TestFoldTerm(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"abc", "abc"},
		{"ABC", "ABC"},
		{"the", "the"},
		{"2025", "2025"},
		{"ph\u1ee5", "phu"},
		{"n\u1eef", "nu"},
		{"\u0111\u1eb3ng", "dang"},
		{"\u0110\u00e0", "Da"},
		{"\u0110\u00c0", "DA"},
		{"\u0111", "d"},
		{"\u0110", "D"},
		{"\u0110\u0110\u0111", "DDd"},
		{"ho\u00e0", "hoa"},
		{"h\u00f2a", "hoa"},
		{"HO\u00c0", "HOA"},
		{"H\u00d2A", "HOA"},
		{"thu\u00fd", "thuy"},
		{"th\u00fay", "thuy"},
		{"kho\u1ebb", "khoe"},
		{"kh\u1ecfe", "khoe"},
		{"khoe\u0309", "khoe"},
		{"Nguye\u0302\u0303n", "Nguyen"},
		{"\u0110U\u031b\u0301C", "DUC"},
		{"o\u0309", "o"},
		{"u\u031b\u0301", "u"},
		{"x\u0301", "x"},
		{"\u0301", ""},
		{"\u0301\u0300a", "a"},
		{"\u01b0\u01a1", "uo"},
		{"\u01af\u1edaC", "UOC"},
		{"\u01a0", "O"},
		{"\u0103", "a"},
		{"\u1eae", "A"},
		{"\u00e2", "a"},
		{"\u1eac", "A"},
		{"\u00ea", "e"},
		{"\u1ec4", "E"},
		{"\u00f4", "o"},
		{"\u1ed8", "O"},
		{"Nguy\u1ec5n Th\u1ecb Ho\u00e0", "Nguyen Thi Hoa"},
		{"PH\u1ee4 N\u1eee", "PHU NU"},
		{"ngo\u1eb7c", "ngoac"},
		{"gi\u1edbi", "gioi"},
		{"b\u00ecnh", "binh"},
		{"\u00f8", "\u00f8"},
		{"\u00d8", "\u00d8"},
		{"\u00df", "\u00df"},
		{"\u1e9e", "\u1e9e"},
		{"\u00e6", "\u00e6"},
		{"\u0142", "\u0142"},
		{"\u0127", "\u0127"},
		{"\u0140", "\u0140"},
		{"\u0131", "\u0131"},
		{"\u0130", "I"},
		{"\u01c5", "\u01c5"},
		{"\u01c6", "\u01c6"},
		{"\u0133", "\u0133"},
		{"\ufb01", "\ufb01"},
		{"\u1e2f", "i"},
		{"\u01fa", "A"},
		{"\u01d6", "u"},
		{"\u00f1", "n"},
		{"\u00d1", "N"},
		{"\u00e7", "c"},
		{"\u015f", "s"},
		{"\u021b", "t"},
		{"\u00b2", "\u00b2"},
		{"\u00bd", "\u00bd"},
		{"\u00b5", "\u00b5"},
		{"\u00aa", "\u00aa"},
		{"\u00ba", "\u00ba"},
		{"\u00b7", "\u00b7"},
		{"\u00a0", "\u00a0"},
		{"\u00d7", "\u00d7"},
		{"\u00f7", "\u00f7"},
		{"\u0080", "\u0080"},
		{"\u65e5\u672c", "\u65e5\u672c"},
		{"\ud55c\uad6d\uc5b4", "\u1112\u1161\u11ab\u1100\u116e\u11a8\u110b\u1165"},
		{"\u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac", "\u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03b1"},
		{"\u03ac", "\u03b1"},
		{"\u1f04", "\u03b1"},
		{"\u1ff7", "\u03c9"},
		{"\u041c\u043e\u0441\u043a\u0432\u0430", "\u041c\u043e\u0441\u043a\u0432\u0430"},
		{"\u0439", "\u0438"},
		{"\u0451", "\u0435"},
		{"\u0419", "\u0418"},
		{"\u05e2\u05b4\u05d1\u05b0\u05e8\u05b4\u05d9\u05ea", "\u05e2\u05d1\u05e8\u05d9\u05ea"},
		{"\u0627\u0644\u0639\u064e\u0631\u064e\u0628\u0650\u064a\u064e\u0651\u0629", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629"},
		{"\u0939\u093f\u0928\u094d\u0926\u0940", "\u0939\u093f\u0928\u0926\u0940"},
		{"\u0e44\u0e17\u0e22", "\u0e44\u0e17\u0e22"},
		{"\u0e20\u0e32\u0e29\u0e32\u0e44\u0e17\u0e22", "\u0e20\u0e32\u0e29\u0e32\u0e44\u0e17\u0e22"},
		{"\u2126", "\u03a9"},
		{"\u212b", "A"},
		{"\uf900", "\u8c48"},
		{"\U0001d15e", "\U0001d157\U0001d165"},
		{"\U0001f600", "\U0001f600"},
		{"\u0f73", ""},
		{"\u1e9b", "\u017f"},
		{"\xff", "\ufffd"},
		{"\xff\xfe", "\ufffd\ufffd"},
		{"a\xffb", "a\ufffdb"},
		{"\xe1\xbb", "\ufffd\ufffd"},
		{"ph\u1ee5\xc3", "phu\ufffd"},
		{"\xed\xa0\x80", "\ufffd\ufffd\ufffd"},
		{"\xc0\x80", "\ufffd\ufffd"},
		{"\ufffd", "\ufffd"},
	} {
		if got := string(FoldTerm([]byte(tc.in))); got != tc.want {
			t.Errorf("FoldTerm(%+q) = %+q, want %+q", tc.in, got, tc.want)
		}
	}
}

// TestFoldTermEveryCharacter checks the fold table against the reference for every code point, alone and after
// an ASCII letter (the table is only read past an ASCII prefix).
func TestFoldTermEveryCharacter(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		for _, s := range []string{string(r), "a" + string(r)} {
			if got, want := FoldTerm([]byte(s)), foldTermReference([]byte(s)); string(got) != string(want) {
				t.Fatalf("FoldTerm(%+q) = %+q, reference %+q", s, got, want)
			}
		}
	}
}

func TestFoldTermKeepsASCIITerm(t *testing.T) {
	term := []byte("phu nu")
	if got := FoldTerm(term); &got[0] != &term[0] {
		t.Error("FoldTerm copied an ASCII term")
	}
}

func FuzzFoldTerm(f *testing.F) {
	for _, s := range []string{"phụ nữ", "Đà Nẵng", norm.NFD.String("thuý"), "hoà hòa", "ǅ", "ẞ", "\xff\xfe", "ḯ",
		"한국어", "\U0001D16D\U0001D165", "a\xe1\xbb"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, term []byte) {
		if got, want := FoldTerm(term), foldTermReference(term); string(got) != string(want) {
			t.Fatalf("FoldTerm(%+q) = %+q, reference %+q", term, got, want)
		}
	})
}

func BenchmarkFoldTerm(b *testing.B) {
	words := [][]byte{[]byte("phụ"), []byte("nữ"), []byte("bình"), []byte("đẳng"), []byte("giới"), []byte("the")}
	for b.Loop() {
		for _, w := range words {
			FoldTerm(w)
		}
	}
}

func TestFirstFolded(t *testing.T) {
	for _, s := range []string{"", "Đức", "ĐỨC", "\u0301a", "\u0301", "Ánh", "\xffx", "Ωmega", "nguyễn", "Ɓ"} {
		want, _ := utf8.DecodeRuneInString(FoldDiacritics(s))
		if got := FirstFolded(s); got != want {
			t.Errorf("FirstFolded(%q) = %q, want %q", s, got, want)
		}
	}
}

// BenchmarkQuotesManyMarks runs Quotes over one line of many straight marks
// inside an open quotation, at two sizes: ns/op per byte must stay flat (the
// look for a quoted title's closers is bounded; unbounded it grew with the line).
func BenchmarkQuotesManyMarks(b *testing.B) {
	for _, n := range []int{10_000, 80_000} {
		s := "Anh nói: \"" + strings.Repeat(" \"a b\" \"c", n)
		b.Run(fmt.Sprintf("%dKB", len(s)/1000), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				Quotes(s)
			}
		})
	}
}

// A full stop that lost its space after it still ends a sentence when a
// word of lower-case letters comes before it and a capitalised word after
// it; abbreviations, initials and domains keep theirs.
func TestSentencesGluedStop(t *testing.T) {
	in := "Anh về nhà bà Lan.Chiều nay trời mưa. Ông ở TP.HCM và đọc Zing.Vn cùng D.Corlou."
	var got []string
	for _, sp := range Sentences(in) {
		got = append(got, in[sp.Start:sp.End])
	}
	want := []string{"Anh về nhà bà Lan.", "Chiều nay trời mưa.", "Ông ở TP.HCM và đọc Zing.Vn cùng D.Corlou."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Sentences: got %q want %q", got, want)
	}
}
