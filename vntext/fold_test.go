package vntext

import (
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

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Hoà bình", "thuý", norm.NFD.String("Nguyễn Thị Khoẻ"), "\xff\xfe", "a\u0301\u0323", "\u0300x", "ĐỨC"} {
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
		if utf8.ValidString(in) {
			nfc := norm.NFC.String(in)
			nfd := norm.NFD.String(in)
			if FoldString(nfc) != FoldString(nfd) {
				t.Fatalf("NFC and NFD fold differently: %q vs %q", FoldString(nfc), FoldString(nfd))
			}
		}
		want := Tokens(k.Text)
		if len(want) != len(k.Tokens) {
			t.Fatalf("Fold found %d tokens, Tokens(key) %d", len(k.Tokens), len(want))
		}
		for i := range want {
			if want[i] != k.Tokens[i] {
				t.Fatalf("token %d: Fold %+v, Tokens(key) %+v", i, k.Tokens[i], want[i])
			}
		}
		_ = FoldDiacritics(in)
	})
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"TS. Lan nói: “Có.” Rồi…", "\"a\" 'b'", "x\n\n.y", "PGS.TS.", ""} {
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
