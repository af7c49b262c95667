package scorer

// Vietnamese cues for finding people, their gender, role and whether they
// are quoted. They are facts of the language, kept as data: each list is
// folded and compiled into the same syllable trie as the rules, so one pass
// over the text finds rule phrases and people cues together.

// honorifics precede a name and may carry gender.
func honorificCues() []genderCue {
	return []genderCue{
		{"bà", female}, {"chị", female}, {"cô", female}, {"nàng", female}, {"cô gái", female},
		{"bé gái", female}, {"cô giáo", female}, {"bà đỡ", female}, {"nữ sinh", female}, {"nữ diễn viên", female},
		{"nữ ca sĩ", female}, {"nữ nghệ sĩ", female}, {"hoa hậu", female}, {"á hậu", female},
		{"ông", male}, {"anh", male}, {"chú", male}, {"thầy", male}, {"chàng", male},
		{"cậu", male}, {"thầy giáo", male}, {"nam sinh", male}, {"nam diễn viên", male}, {"nam ca sĩ", male},
		{"em", unknown}, {"bác", unknown}, {"cháu", unknown}, {"cụ", unknown}, {"bé", unknown},
	}
}

// Family-role words (vợ, chồng, mẹ, con gái) are not honorifics: "vợ
// Bill Gates" names the husband. They count only as pronoun-like cues after
// a mention ("chồng cô").

// titles precede or follow a name and give the person's role.
func titlesByRole() map[string][]string {
	return map[string][]string{
		roleExpert: {
			"gs", "pgs", "ts", "ths", "bs", "ks", "ncs", "tskh", "bsck", "gs.ts", "pgs.ts",
			"giáo sư", "phó giáo sư", "tiến sĩ", "thạc sĩ", "bác sĩ", "dược sĩ", "chuyên gia", "nhà nghiên cứu",
			"nghiên cứu sinh", "giảng viên", "giáo viên", "luật sư", "nhà khoa học", "kiến trúc sư",
			"nhà kinh tế", "chuyên viên", "cố vấn", "tác giả", "nhà sử học", "nhà phê bình", "y tá", "điều dưỡng",
			"nhà tâm lý", "nhà văn", "nhà báo", "phóng viên",
		},
		roleOfficial: {
			"chủ tịch", "phó chủ tịch", "giám đốc", "phó giám đốc", "tổng giám đốc", "bộ trưởng", "thứ trưởng",
			"bí thư", "phó bí thư", "đại sứ", "hiệu trưởng", "phó hiệu trưởng", "trưởng phòng", "phó phòng",
			"trưởng ban", "phó ban", "tổng thư ký", "vụ trưởng", "phó vụ trưởng", "cục trưởng", "phó cục trưởng",
			"ceo", "người phát ngôn", "phát ngôn viên", "thủ tướng", "tổng thống", "phó tổng thống", "chủ nhiệm",
			"đại tá", "thượng tá", "trung tá", "thiếu tá", "đại úy", "thượng úy", "trung úy", "thiếu tướng",
			"trung tướng", "đại tướng", "đại biểu", "trưởng đoàn", "trưởng khoa", "phó trưởng", "trưởng",
			"lãnh đạo", "đại diện", "nhà sáng lập", "người sáng lập", "chủ tịch hđqt", "tổng biên tập",
			"thống đốc", "thị trưởng", "quốc vương", "nữ hoàng", "hoàng tử", "công chúa", "ngoại trưởng",
			"chánh văn phòng", "chánh án", "viện trưởng", "kiểm sát viên", "điều tra viên", "cán bộ",
			"tổng cục trưởng", "chủ tịch ubnd", "trưởng công an", "trưởng thôn", "chỉ huy trưởng", "sếp",
		},
		roleCelebrity: {
			"ca sĩ", "nữ ca sĩ", "nam ca sĩ", "diễn viên", "nữ diễn viên", "nam diễn viên", "hoa hậu", "á hậu",
			"người mẫu", "siêu mẫu", "hlv", "huấn luyện viên", "cầu thủ", "danh thủ", "tiền đạo", "tiền vệ",
			"hậu vệ", "thủ môn", "nghệ sĩ", "nsưt", "nsnd", "mc", "rapper", "blogger", "vận động viên", "vđv",
			"siêu sao", "ngôi sao", "nhạc sĩ", "đạo diễn", "danh hài", "tay vợt", "võ sĩ", "tỷ phú", "tỉ phú",
			"hot girl", "hotgirl", "streamer", "youtuber", "nhà vô địch",
		},
		roleOrdinary: {
			"người dân", "học sinh", "sinh viên", "tài xế", "nông dân", "công nhân", "chủ quán", "tiểu thương",
			"người bán hàng", "du khách", "hành khách", "phụ huynh", "bệnh nhân", "người nhà", "cư dân", "ngư dân",
			"nạn nhân", "chủ nhà", "chủ cơ sở", "người lao động", "thí sinh", "nữ sinh", "nam sinh", "bà ngoại",
			"đầu bếp", "lao động", "giúp việc", "hàng xóm", "nhân chứng",
		},
	}
}

// speechVerbs attribute words to the person before them.
func speechVerbs() []string {
	return []string{
		"cho biết", "nói", "chia sẻ", "khẳng định", "nhấn mạnh", "cho rằng", "phát biểu", "bày tỏ",
		"thông tin", "giải thích", "kể", "tâm sự", "nhận định", "đánh giá", "đề nghị", "yêu cầu",
		"thừa nhận", "trả lời", "trao đổi", "tiết lộ", "cho hay", "nhận xét", "lưu ý", "cảnh báo",
		"khuyến cáo", "thông báo", "tuyên bố", "nhớ lại", "kể lại", "bộc bạch", "nêu rõ", "nói thêm",
		"chỉ ra", "nhắn nhủ", "lý giải", "phân tích", "bình luận", "thổ lộ", "kiến nghị", "đề xuất",
		"quả quyết", "xác nhận", "phủ nhận", "than thở", "chỉ đạo", "biểu dương", "nhắc nhở", "hỏi",
		"cam kết", "kêu gọi", "viết", "dự báo", "ước tính", "khuyên", "chia sẻ thêm", "nhận thấy",
		"tin rằng", "nghĩ rằng", "kể tiếp", "hướng dẫn", "giới thiệu", "công bố", "trấn an", "gợi ý",
		"thú nhận", "khai", "lo ngại", "hy vọng", "mong muốn", "nhấn mạnh rằng", "ghi nhận",
	}
}

// orgWords before a capitalised run mean it names a place, school or
// organisation, not a person (đường Lê Lợi, trường Nguyễn Huệ).
func orgWords() []string {
	return []string{
		"đường", "phố", "ngõ", "hẻm", "trường", "thpt", "thcs", "tiểu học", "quận", "phường", "huyện", "xã",
		"tỉnh", "thành phố", "tp", "thị xã", "thị trấn", "cầu", "chùa", "đền", "công ty", "tập đoàn",
		"bệnh viện", "sân", "sân vận động", "giải", "cúp", "clb", "đội", "câu lạc bộ", "làng", "thôn", "ấp",
		"bản", "xóm", "chợ", "công viên", "quảng trường", "khu", "tòa nhà", "nhà hát", "đại học", "học viện",
		"viện", "bộ", "sở", "ban", "cục", "hội", "ngân hàng", "hãng", "báo", "đài", "tạp chí", "quỹ",
		"tổ chức", "trung tâm", "văn phòng", "ubnd", "tổng cục", "nhà xuất bản", "thương hiệu", "dự án",
		"chương trình", "phim", "bộ phim", "bài hát", "ca khúc", "album", "tỉnh lộ", "quốc lộ", "sông", "núi",
		"đảo", "vịnh", "biển", "đèo", "bến", "cảng", "ga", "khách sạn", "resort", "nhà hàng", "quán",
		"tàu", "lễ hội", "liên đoàn", "hiệp hội", "đảng", "ủy ban", "giải thưởng", "nhóm", "ban nhạc",
		"kênh", "mạng", "ứng dụng", "hệ thống", "phòng", "khoa", "lớp", "huân chương", "danh hiệu", "số",
		"vụ", "phía", "hãng tin", "tờ", "trang", "hiệp định", "nghị quyết", "luật", "tuyến",
	}
}

// pronounCues after a mention refer back to the person and give gender.
func pronounCues() []genderCue {
	return []genderCue{
		{"ông ấy", male}, {"anh ấy", male}, {"ông", male}, {"anh", male}, {"chàng", male},
		{"bà ấy", female}, {"cô ấy", female}, {"chị ấy", female}, {"bà", female}, {"cô", female},
		{"chị", female}, {"nàng", female}, {"vợ anh", male}, {"vợ ông", male}, {"chồng cô", female},
		{"chồng chị", female}, {"chồng bà", female},
	}
}

// genderCue is a phrase that signals a gender (or unknown).
type genderCue struct {
	phrase string
	gender string
}

// vnSurnames are the common Vietnamese family names; a capitalised run that
// starts with one is taken as a full name.
func vnSurnames() []string {
	return []string{
		"nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ",
		"ngô", "dương", "lý", "đoàn", "đào", "đinh", "lâm", "mai", "trương", "cao", "lương", "tô", "trịnh",
		"hà", "tạ", "chu", "lưu", "vương", "thái", "kiều", "quách", "tăng", "la", "diệp", "triệu", "mạc",
		"khổng", "từ", "châu", "hứa", "kha", "lục", "nông", "thân", "quan", "tôn",
		"đàm", "lại", "phùng", "đồng", "hầu", "ninh", "khúc", "doãn", "tống", "nghiêm", "bạch",
		"khương", "lạc",
	}
}

// notNames are capitalised words that start sentences or headings and are
// never a person's name.
func notNames() []string {
	return []string{
		"theo", "trong", "tại", "khi", "sau", "trước", "ngoài", "với", "và", "nhưng", "tuy", "hiện", "ngày",
		"năm", "tháng", "chiều", "sáng", "tối", "đêm", "trưa", "còn", "đó", "đây", "các", "những", "một",
		"hai", "ba", "người", "ảnh", "nguồn", "video", "clip", "nếu", "vì", "do", "để", "từ", "đến", "cũng",
		"thế", "vậy", "như", "không", "có", "là", "được", "bị", "đã", "sẽ", "đang", "vừa", "mới", "rồi",
		"này", "kia", "ai", "gì", "sao", "tôi", "chúng", "họ", "mình", "ta", "em", "thì", "mà", "nên",
		"hay", "hoặc", "cả", "mỗi", "mọi", "nhiều", "ít", "rất", "quá", "lắm", "thật", "chỉ", "ngay", "luôn",
		"hôm", "nay", "qua", "tuần", "trận", "bàn", "đội", "giải", "chủ", "bên", "phía", "cùng",
		"thứ", "chủ nhật", "tiếp", "cuối", "đầu", "giữa", "về", "bởi", "nhằm", "dù", "tuy nhiên", "ngoài ra",
		"bên cạnh", "đặc biệt", "chính", "riêng", "thậm chí", "giờ", "lúc", "hiện nay", "trước đó", "sau đó",
		"bạn", "vâng", "dạ", "ừ", "ôi", "nhìn", "xem", "đọc", "thêm", "tin", "bài", "phần", "mục", "chuyên",
		"tiến", "lần", "cơ", "phó", "tổng", "trưởng", "chia", "nói", "cho", "covid", "sars",
	}
}

// maxBylineTokens bounds the last line of an article that is taken as the
// byline; people named there are not people in the story.
const maxBylineTokens = 6

// placeNames look like "surname + given name" but name places.
func placeNames() []string {
	return []string{
		"hà nội", "hà tĩnh", "hà giang", "hà nam", "hà đông", "thái lan", "thái bình", "thái nguyên",
		"lâm đồng", "cao bằng", "đồng nai", "đồng tháp", "hồ chí minh", "ninh bình", "ninh thuận",
		"lê chân", "hoàng mai", "hoàng sa", "trường sa", "phan thiết", "phan rang", "châu á", "châu âu",
		"châu phi", "châu mỹ", "châu úc", "châu đốc", "đào duy từ", "mai châu", "mạc thị bưởi",
		"trương định", "lý thường kiệt", "trần hưng đạo", "lê lợi", "nguyễn huệ", "quang trung",
		"hồ gươm", "hồ tây", "vũng tàu", "cà mau", "bạch mai", "việt nam", "trung quốc", "đài loan",
		"hàn quốc", "nhật bản", "hoa kỳ", "triều tiên", "lào cai", "hải phòng", "đà nẵng", "cần thơ",
		"hội an", "sa pa", "thanh hóa", "tây nguyên", "tây ninh", "tây bắc", "đông nam á", "trung đông",
		"trung hoa", "ấn độ", "mỹ", "pháp", "nga", "đức", "ý", "úc", "lào", "campuchia", "nepal", "pakistan",
		"bangladesh", "indonesia", "malaysia", "singapore", "philippines", "myanmar", "anh quốc", "châu",
		"canada", "brazil", "mexico", "argentina", "israel", "iran", "iraq", "ukraine", "liên xô",
		"tây ban nha", "bồ đào nha", "hà lan", "bỉ", "thụy sĩ", "thụy điển", "na uy", "đan mạch", "ai cập",
		"nam phi", "new york", "washington", "london", "paris", "tokyo", "bắc kinh", "thượng hải",
		"seoul", "moscow", "berlin", "sài gòn", "kathmandu", "new delhi", "bangkok", "hong kong", "hồng kông",
		"đài bắc", "hải nam", "quảng đông", "tân cương", "tây tạng", "đông nam bộ", "nam bộ", "bắc bộ",
		// Provinces and centrally governed cities.
		"an giang", "bà rịa", "vũng tàu", "bắc giang", "bắc kạn", "bạc liêu", "bắc ninh", "bến tre",
		"bình định", "bình dương", "bình phước", "bình thuận", "cà mau", "đắk lắk", "đắk nông", "điện biên",
		"gia lai", "hải dương", "hậu giang", "hòa bình", "hưng yên", "khánh hòa", "kiên giang", "kon tum",
		"lai châu", "lạng sơn", "long an", "nam định", "nghệ an", "phú thọ", "phú yên", "quảng bình",
		"quảng nam", "quảng ngãi", "quảng ninh", "quảng trị", "sóc trăng", "sơn la", "thừa thiên huế",
		"tiền giang", "trà vinh", "tuyên quang", "vĩnh long", "vĩnh phúc", "yên bái", "thủ đức", "phú quốc",
		"đà lạt", "nha trang", "quy nhơn", "buôn ma thuột", "hạ long", "mỹ tho", "hà đông",
		// Clubs and competitions named like people.
		"vương quốc anh", "ba lan", "la liga", "real madrid", "serie a", "premier league", "champions league", "v-league",
	}
}

// notCues are longer phrases in which a cue word has another sense: "ông"
// in "đàn ông" (man), "kể" in "kể từ" (since). A cue covered by one of them
// is ignored.
func notCues() map[entryKind][]string {
	common := []string{
		"đàn ông", "đàn bà", "quý ông", "quý bà", "anh em", "chị em", "ông bà", "bà con", "cô dâu",
		"anh hùng", "cô đơn", "cô lập", "ông trời", "anh chị", "các ông", "các bà", "các anh", "các chị",
		"các cô", "cô chú", "chú rể", "ông trùm", "cô nhi", "cô đọng", "bà mẹ", "ông bố",
		"anh trai", "chị gái", "em trai", "em gái", "anh rể", "chị dâu", "mẹ chồng", "bố chồng", "cậu bé",
		"vợ chồng", "cô bé", "ông cụ", "bà cụ", "cô ta", "anh ta",
	}
	return map[entryKind][]string{
		entryHonorific: common,
		entryPronoun:   common,
		entrySpeech: {
			"kể từ", "kể cả", "kể chuyện", "nói chung", "nói riêng", "nói cách khác", "nói chuyện", "viết tắt",
			"hỏi thăm", "giới thiệu sản phẩm", "thông tin về", "yêu cầu của", "đề nghị của",
			// Passive: the person is talked about, not talking.
			"được tiết lộ", "được đánh giá", "bị đánh giá", "được nhận xét", "được khen", "được giới thiệu",
			"được thông báo", "được yêu cầu", "bị yêu cầu", "được đề nghị", "được hỏi", "bị hỏi",
			"được khuyên", "được nhắc nhở", "bị nhắc nhở", "được biểu dương", "được chỉ đạo", "được kể",
			"được công bố", "bị tố", "bị cáo buộc",
		},
	}
}

// attributionAdverbs may stand between a pronoun and its speech verb
// ("bà đỡ liền nói").
func attributionAdverbs() []string {
	return []string{"liền", "cũng", "đã", "vẫn", "còn", "lại", "thì", "mới", "tiếp tục", "thêm"}
}

// unnamedSources are descriptions that, followed by a speech verb, stand
// for a source the story does not name ("vợ ông cho hay"). Monitors count
// such sources too.
func unnamedSources() []genderCue {
	return []genderCue{
		{"vợ ông", female}, {"vợ anh", female}, {"người vợ", female}, {"bà mẹ", female}, {"người mẹ", female},
		{"mẹ em", female}, {"mẹ cháu", female}, {"học sinh nữ", female}, {"nữ sinh", female}, {"cô gái", female},
		{"người phụ nữ", female}, {"một phụ nữ", female}, {"nữ nhân viên", female},
		{"con gái ông", female}, {"con gái bà", female}, {"chị gái", female}, {"bà cụ", female},
		{"người chồng", male}, {"chồng chị", male}, {"chồng bà", male}, {"chồng cô", male},
		{"người đàn ông", male}, {"ông bố", male}, {"người bố", male}, {"bố em", male},
		{"bố cháu", male}, {"nam sinh", male}, {"con trai ông", male}, {"con trai bà", male}, {"ông cụ", male},
		{"anh trai", male}, {"nam nhân viên", male},
	}
}

// speakerFamily in a speaker's own quoted words name the speaker's spouse
// and so the speaker's gender ("chồng và con tôi", "vợ tôi").
func speakerFamily() []genderCue {
	return []genderCue{
		{"chồng tôi", female}, {"chồng mình", female}, {"chồng em", female}, {"chồng và con", female},
		{"ông xã", female},
		{"vợ tôi", male}, {"vợ mình", male}, {"vợ và con", male}, {"bà xã", male}, {"vợ con tôi", male},
	}
}
