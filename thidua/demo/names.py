"""Vietnamese names for generated data: people by real frequency, places, units and initiatives.

Every list is (text, weight). Weights are shares in per cent or relative frequencies; the
generator turns them into cumulative weights once and draws in bulk with `random.choices`.
All text is NFC (checked by the tests of the generator).
"""

import itertools
import random
import unicodedata

# Family names by frequency (Vietnamese population statistics; Nguyễn ≈ 38%). A southern-central
# province: Huỳnh is more common than Hoàng and Võ than Vũ, the same names split by dialect.
FAMILY_NAMES = [
    ("Nguyễn", 38.4), ("Trần", 12.1), ("Lê", 9.5), ("Phạm", 7.0), ("Huỳnh", 3.1), ("Hoàng", 2.0),
    ("Phan", 4.5), ("Võ", 2.5), ("Vũ", 1.4), ("Đặng", 2.1), ("Bùi", 2.0), ("Đỗ", 1.4),
    ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Đinh", 0.9), ("Trương", 0.9),
    ("Lâm", 0.6), ("Mai", 0.5), ("Đoàn", 0.6), ("Lương", 0.4), ("Trịnh", 0.4), ("Cao", 0.4),
    ("Tô", 0.3), ("Hà", 0.4), ("Châu", 0.3), ("Tạ", 0.2), ("Lưu", 0.3), ("Thái", 0.2),
    ("Quách", 0.1), ("Kiều", 0.1), ("La", 0.1), ("Phùng", 0.1), ("Từ", 0.1), ("Triệu", 0.1),
    ("Thân", 0.1), ("Lục", 0.05), ("Khổng", 0.05), ("Âu", 0.05), ("Nông", 0.1), ("Tăng", 0.1),
]

MIDDLE_MALE = [
    ("Văn", 34), ("Hữu", 6), ("Đức", 6), ("Minh", 7), ("Quang", 5), ("Thanh", 4), ("Công", 4),
    ("Xuân", 3), ("Ngọc", 3), ("Duy", 3), ("Anh", 2), ("Tấn", 3), ("Quốc", 4), ("Thành", 2),
    ("Trọng", 2), ("Đình", 3), ("Bá", 1), ("Mạnh", 1), ("Tiến", 1), ("Gia", 1), ("Phước", 1),
    ("Hoàng", 2), ("Trung", 1), ("Kim", 1), ("Chí", 1), ("Đăng", 1), ("Nhật", 1), ("Khắc", 1),
    ("Viết", 1), ("Thế", 2), ("Vĩnh", 1), ("Hồng", 1), ("Minh Quốc", 0.3), ("Văn Minh", 0.3),
]

MIDDLE_FEMALE = [
    ("Thị", 42), ("Ngọc", 6), ("Thu", 4), ("Thanh", 4), ("Minh", 2), ("Hồng", 3), ("Kim", 3),
    ("Phương", 2), ("Thùy", 2), ("Mỹ", 2), ("Bích", 2), ("Hoài", 1), ("Diệu", 1), ("Bảo", 1),
    ("Khánh", 1), ("Thúy", 1), ("Hải", 1), ("Tuyết", 1), ("Như", 1), ("Cẩm", 1), ("Quỳnh", 1),
    ("Mai", 1), ("Kiều", 1), ("Ánh", 1), ("Lệ", 1), ("Thị Thu", 3), ("Thị Ngọc", 2),
    ("Thị Kim", 2), ("Thị Thanh", 2), ("Thị Hồng", 2), ("Thị Mỹ", 1), ("Thị Bích", 1),
    ("Ngọc Bảo", 0.5), ("Thị Phương", 1), ("Thị Thúy", 0.5),
]

GIVEN_MALE = [
    ("Anh", 4), ("Hùng", 4), ("Dũng", 4), ("Tuấn", 4), ("Hải", 3), ("Minh", 4), ("Nam", 3),
    ("Long", 3), ("Sơn", 3), ("Thành", 3), ("Hoàng", 2), ("Huy", 3), ("Phong", 2), ("Quang", 2),
    ("Bình", 2), ("Cường", 2), ("Đức", 2), ("Hiếu", 2), ("Khánh", 2), ("Lâm", 1), ("Lộc", 1),
    ("Nghĩa", 2), ("Nhân", 1), ("Phúc", 2), ("Phước", 1), ("Quân", 2), ("Tài", 1), ("Tâm", 1),
    ("Tân", 1), ("Thắng", 2), ("Thịnh", 1), ("Toàn", 1), ("Trí", 1), ("Trung", 2), ("Tùng", 2),
    ("Việt", 2), ("Vinh", 2), ("Vũ", 1), ("Bảo", 1), ("Chiến", 1), ("Công", 1), ("Duy", 2),
    ("Đạt", 2), ("Định", 1), ("Giang", 1), ("Hào", 1), ("Hậu", 1), ("Hiển", 1), ("Hiệp", 1),
    ("Hòa", 1), ("Hưng", 2), ("Khải", 1), ("Khang", 1), ("Khoa", 1), ("Kiên", 1), ("Kiệt", 1),
    ("Lợi", 1), ("Luân", 1), ("Quốc", 1), ("Thiện", 1), ("Thuận", 1), ("Tín", 1), ("Trường", 1),
    ("An", 1), ("Đông", 1), ("Nguyên", 1), ("Sang", 1), ("Tú", 1), ("Vương", 0.5), ("Hoà", 0.3),
]

GIVEN_FEMALE = [
    ("Hương", 4), ("Hà", 3), ("Lan", 3), ("Linh", 4), ("Trang", 4), ("Hằng", 3), ("Thảo", 3),
    ("Hoa", 3), ("Anh", 3), ("Ánh", 1), ("Bích", 1), ("Châu", 1), ("Chi", 1), ("Diễm", 1),
    ("Dung", 2), ("Duyên", 1), ("Giang", 2), ("Hạnh", 2), ("Hiền", 2), ("Hòa", 1), ("Hồng", 2),
    ("Huệ", 1), ("Hường", 1), ("Huyền", 2), ("Liên", 1), ("Loan", 2), ("Mai", 2), ("My", 1),
    ("Nga", 2), ("Ngân", 1), ("Ngọc", 2), ("Nguyệt", 1), ("Nhi", 1), ("Nhung", 2), ("Oanh", 1),
    ("Phương", 3), ("Phượng", 1), ("Quyên", 1), ("Quỳnh", 1), ("Tâm", 1), ("Thanh", 2),
    ("Thủy", 2), ("Thư", 1), ("Thúy", 2), ("Tiên", 1), ("Trâm", 1), ("Trinh", 1), ("Tuyết", 1),
    ("Uyên", 1), ("Vân", 2), ("Vy", 1), ("Xuân", 1), ("Yến", 2), ("Hoà", 0.5), ("Thuý", 0.3),
    ("An", 1), ("Diệp", 0.5), ("Lệ", 0.5), ("Kiều", 0.5), ("Thơ", 0.5), ("Ly", 1),
]

ETHNICITIES = [("Kinh", 91), ("Chăm", 3), ("Raglai", 1.5), ("Hoa", 2), ("K'Ho", 1),
               ("Tày", 0.5), ("Nùng", 0.5), ("Mường", 0.3), ("Khmer", 0.2)]



def _split(text: str, separator: str = " ") -> list[str]:
    return text.split(separator)


# Syllables of place names ("Tân Phú", "Hàm Thuận"): two distinct syllables.
PLACE_FIRST = _split(
    "An Bình Châu Đông Đức Hải Hàm Hòa Hưng Khánh La Long Mỹ Nam Ninh Phú Phước Quảng Sơn Tam "
    "Tân Tây Thạnh Thái Thuận Tiến Trà Trung Tuy Vĩnh Xuân Hồng Gia Đại Cam Diên Hiệp Lạc Lương "
    "Nghĩa Tịnh Cát Vạn Suối Đa Hàng Mũi Bắc Lộc Phong Thiện Hoài Kim Ngọc Thanh Bảo Tường"
)
PLACE_SECOND = _split(
    "An Bình Điền Đông Đức Hải Hiệp Hòa Hưng Lâm Lộc Lợi Long Minh Mỹ Nghĩa Phong Phú Phước Quý "
    "Sơn Tân Thạnh Thành Thắng Thuận Thủy Tiến Trung Văn Vinh Xuân Linh Hà Giang Khương Hạnh "
    "Định Kiệt Nhơn Tài Trí Hội Quang Thọ Nguyên Hậu Lạc Cường Chánh Tường Ninh Yên"
)

# Real province names the synthetic province must not be given.
REAL_PROVINCES = frozenset(_split(
    "Bình Thuận|Ninh Thuận|Khánh Hòa|Bình Định|Phú Yên|Quảng Nam|Quảng Ngãi|Long An|Tây Ninh|"
    "Bình Phước|Vĩnh Long|Đồng Nai|Hà Nam|Nam Định|Thái Bình|Ninh Bình|Hòa Bình|Bắc Ninh|Hưng Yên|"
    "Quảng Bình|Quảng Trị|Phú Thọ|Hậu Giang|Kiên Giang|Tiền Giang|An Giang|Lâm Đồng|Gia Lai|"
    "Bình Dương|Thái Nguyên|Lạng Sơn|Yên Bái|Bắc Giang|Quảng Ninh|Hải Dương|Thanh Hóa|Nghệ An|"
    "Hà Tĩnh|Vĩnh Phúc|Đồng Tháp|Trà Vinh|Bến Tre|Sóc Trăng|Cà Mau|Bạc Liêu|Tuyên Quang|Hà Giang|"
    "Lào Cai|Điện Biên|Lai Châu|Sơn La|Cao Bằng|Bắc Kạn|Kon Tum|Đắk Lắk|Đắk Nông|Hải Phòng|Đà Nẵng|"
    "Cần Thơ|Hà Nội|Huế", "|"
))

# Famous people THPT schools are named after.
SCHOOL_PATRONS = _split(
    "Trần Hưng Đạo|Lê Quý Đôn|Nguyễn Du|Phan Bội Châu|Phan Chu Trinh|Nguyễn Huệ|Lê Lợi|"
    "Quang Trung|Nguyễn Trãi|Hùng Vương|Chu Văn An|Nguyễn Thị Minh Khai|Võ Thị Sáu|Lý Thường Kiệt|"
    "Ngô Quyền|Trần Phú|Nguyễn Văn Trỗi|Hoàng Hoa Thám|Lương Thế Vinh|Nguyễn Đình Chiểu|"
    "Huỳnh Thúc Kháng|Bùi Thị Xuân|Trần Quốc Tuấn|Nguyễn Khuyến|Đinh Tiên Hoàng|Lê Hồng Phong|"
    "Tôn Đức Thắng|Phan Đình Phùng|Nguyễn Trường Tộ|Hàm Nghi|Nguyễn Bỉnh Khiêm|Trần Quang Khải|"
    "Lê Thánh Tông|Nguyễn Công Trứ|Võ Nguyên Giáp|Nguyễn Chí Thanh|Phan Huy Chú|Đào Duy Từ|"
    "Nguyễn Hữu Cảnh|Trương Định", "|"
)

INITIATIVE_TOPICS = [
    "quản lý hồ sơ", "cải cách hành chính", "chuyển đổi số", "giải quyết thủ tục hành chính",
    "dạy học tích cực", "bồi dưỡng học sinh giỏi", "phụ đạo học sinh yếu", "chăm sóc người bệnh",
    "kiểm soát nhiễm khuẩn", "quản lý thuốc", "tiết kiệm điện năng", "an toàn lao động",
    "quản lý tài chính", "thu ngân sách", "tuyên truyền pháp luật", "hòa giải ở cơ sở",
    "quản lý đất đai", "chăm sóc trẻ mầm non", "phòng chống dịch bệnh", "bảo trì thiết bị",
    "nâng cao năng suất", "giảm chi phí sản xuất", "lưu trữ điện tử", "khám chữa bệnh ngoại trú",
]
INITIATIVE_FORMS = [
    "Giải pháp nâng cao hiệu quả {topic}", "Sáng kiến cải tiến quy trình {topic}",
    "Ứng dụng công nghệ thông tin trong {topic}", "Một số biện pháp đổi mới {topic}",
    "Giải pháp hoàn thiện công tác {topic}",
]

DISCIPLINE_REASONS = [
    "Vi phạm quy chế làm việc của cơ quan", "Chậm trễ trong giải quyết công việc được giao",
    "Vi phạm quy định về quản lý tài chính", "Vi phạm đạo đức nghề nghiệp",
    "Không chấp hành sự phân công của tổ chức", "Vi phạm quy định về thời giờ làm việc",
]
REVOCATION_REASONS = [
    "Phát hiện gian dối trong việc kê khai thành tích",
    "Bị xử lý kỷ luật về hành vi vi phạm xảy ra trong thời gian được đề nghị khen thưởng",
    "Hồ sơ đề nghị khen thưởng không đúng quy định",
]


def cumulative(pairs: list[tuple[str, float]]) -> tuple[list[str], list[float]]:
    """The values and cumulative weights of (value, weight) pairs, for random.choices."""
    return [v for v, _ in pairs], list(itertools.accumulate(w for _, w in pairs))


class NameMaker:
    """Draws people's names in bulk from one seeded random.Random (deterministic)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.family = cumulative(FAMILY_NAMES)
        self.middle = {"male": cumulative(MIDDLE_MALE), "female": cumulative(MIDDLE_FEMALE)}
        self.given = {"male": cumulative(GIVEN_MALE), "female": cumulative(GIVEN_FEMALE)}

    def full_names(self, genders: list[str]) -> list[str]:
        """One full name per gender in `genders`, in order."""
        choices = self.rng.choices
        families = choices(self.family[0], cum_weights=self.family[1], k=len(genders))
        by_gender = {}
        for gender in ("male", "female"):
            count = genders.count(gender)
            by_gender[gender] = iter(zip(
                choices(self.middle[gender][0], cum_weights=self.middle[gender][1], k=count),
                choices(self.given[gender][0], cum_weights=self.given[gender][1], k=count),
                strict=True,
            ))
        names = []
        for family, gender in zip(families, genders, strict=True):
            middle, given = next(by_gender[gender])
            names.append(f"{family} {middle} {given}")
        return names

    def one(self, gender: str) -> str:
        return self.full_names([gender])[0]


class PlaceNames:
    """Unique two-syllable place names ("Tân Phú"), never a real province's name."""

    def __init__(self, rng: random.Random, taken: set[str] | None = None):
        self.rng = rng
        self.taken = set(taken or ()) | REAL_PROVINCES

    def next(self) -> str:
        while True:
            name = f"{self.rng.choice(PLACE_FIRST)} {self.rng.choice(PLACE_SECOND)}"
            first, second = name.split(" ")
            if first != second and name not in self.taken:
                self.taken.add(name)
                return name


def initiative_title(rng: random.Random) -> str:
    return rng.choice(INITIATIVE_FORMS).format(topic=rng.choice(INITIATIVE_TOPICS))


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)
