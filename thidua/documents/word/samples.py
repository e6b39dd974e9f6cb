"""Sample data for each kind of document: what an uploaded template is rendered against
before it is accepted, and the list of placeholders each kind offers (its keys)."""

from thidua.documents.choices import DocumentKind

HEADER = {
    "co_quan_chu_quan": "", "co_quan_ban_hanh": "ỦY BAN NHÂN DÂN\nTỈNH BÌNH THUẬN",
    "so_ky_hieu": "05/QĐ-UBND", "dia_danh_ngay": "Bình Thuận, ngày 05 tháng 01 năm 2026",
    "noi_nhan": ["- Như Điều 3;", "- Lưu: VT."], "chuc_danh_ky": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    "nguoi_ky": "Nguyễn Văn An",
}
TEAM = {"stt": 1, "ten": "Phòng Nội vụ", "don_vi": "UBND huyện Phú Quý",
        "hinh_thuc": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "thanh_tich": "Đã có thành tích xuất sắc trong công tác năm 2025"}
PERSON = {"stt": 1, "danh_xung": "Bà", "ho_ten": "Nguyễn Thị Hoà", "nam_sinh": "1985",
          "chuc_vu": "Chuyên viên", "don_vi": "UBND huyện Phú Quý",
          "chuc_vu_don_vi": "Chuyên viên, UBND huyện Phú Quý",
          "hinh_thuc": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
          "thanh_tich": "Đã có thành tích xuất sắc trong công tác năm 2025"}
ANNEX = {
    "tap_the": [TEAM], "ca_nhan": [PERSON], "so_tap_the": "01", "so_ca_nhan": "01",
    "tong_so": "01 tập thể và 01 cá nhân",
    "tieu_de_danh_sach": "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
    "kem_theo": "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2026 của Chủ tịch Ủy "
                "ban nhân dân tỉnh Bình Thuận)",
}
HISTORY = {
    "danh_hieu": [{"nam": 2024, "ten": "Chiến sĩ thi đua cơ sở",
                   "quyet_dinh": "Quyết định số 12/QĐ-UBND ngày 20/12/2024 của UBND huyện Phú "
                                 "Quý"}],
    "khen_thuong": [{"nam": 2023, "ten": "Giấy khen",
                     "quyet_dinh": "Quyết định số 30/QĐ-UBND ngày 15/12/2023 của UBND huyện "
                                   "Phú Quý"}],
}
REPORT = {"danh_hieu_de_nghi": "ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
          "dia_danh_ngay": "Phú Quý, ngày      tháng      năm 2026"}

SAMPLES = {
    DocumentKind.DECISION: {
        **HEADER, **ANNEX,
        "trich_yeu": "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "tham_quyen": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
        "can_cu": ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"],
        "de_nghi": "Xét đề nghị của UBND huyện Phú Quý tại Tờ trình số 12/TTr-UBND.",
        "cac_dieu": ["Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 01 tập thể và 01 cá "
                     "nhân (có danh sách kèm theo), đã có thành tích xuất sắc.",
                     "Quyết định này có hiệu lực kể từ ngày ký./."],
    },
    DocumentKind.SUBMISSION: {
        **HEADER, **ANNEX, "so_ky_hieu": "12/TTr-UBND",
        "trich_yeu": "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 01 "
                     "tập thể và 01 cá nhân",
        "kinh_gui": "Chủ tịch Ủy ban nhân dân tỉnh Bình Thuận",
        "can_cu": ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"],
        "noi_dung": ["UBND huyện Phú Quý đã tổ chức bình xét và thống nhất đề nghị khen thưởng."],
        "de_nghi": "UBND huyện Phú Quý kính đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét, tặng "
                   "Bằng khen cho 01 tập thể và 01 cá nhân.",
        "ket_thuc": "Kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.",
    },
    DocumentKind.VOTE_MINUTES: {
        **HEADER, "so_ky_hieu": "       /BB-HĐTĐKT",
        "ten_cuoc_hop": "Kiểm phiếu Hội đồng Thi đua - Khen thưởng tỉnh – Xét khen thưởng năm 2025",
        "thoi_gian_bat_dau": "08 giờ 00 phút, ngày 05 tháng 01 năm 2026",
        "dia_diem": "Trụ sở UBND tỉnh Bình Thuận", "chu_tri": "Nguyễn Văn An",
        "thu_ky": "Trần Thị Bích", "tong_thanh_vien": 15, "co_mat": 14, "so_vang_mat": 1,
        "vang_mat": ["Lê Văn Cường (thành viên) – có ý kiến bằng văn bản"],
        "dieu_chinh": ["Trần Văn Hùng (thành viên) không tham gia bỏ phiếu đối với Trần Văn "
                       "Hùng (Thành viên là người được đề nghị)."],
        "ban_kiem_phieu": [{"ho_ten": "Phạm Văn Dũng", "nhiem_vu": "Trưởng ban"}],
        "phieu_phat_ra": 14, "phieu_thu_vao": 14, "phieu_hop_le": 14, "phieu_khong_hop_le": 0,
        "cach_tinh": "Tỷ lệ phiếu đồng ý tính trên tổng số 15 thành viên Hội đồng.",
        "ket_qua": [{"stt": 1, "ten": "Nguyễn Thị Hoà, UBND huyện Phú Quý",
                     "de_nghi": "Chiến sĩ thi đua cấp tỉnh", "dong_y": 14, "khong_dong_y": 1,
                     "ty_le": "93,3%", "ket_qua": "Đạt"}],
        "ket_luan": "Có 01 trường hợp đạt tỷ lệ phiếu đồng ý theo quy định.",
        "thoi_gian_ket_thuc": "10 giờ 15 phút, ngày 05 tháng 01 năm 2026",
    },
    DocumentKind.REPORT_INDIVIDUAL: {
        **REPORT, **HISTORY, "ho_ten": "Nguyễn Thị Hoà", "ngay_sinh": "02/03/1985",
        "gioi_tinh": "Nữ", "que_quan": "", "tru_quan": "", "don_vi": "UBND huyện Phú Quý",
        "chuc_vu": "Chuyên viên", "trinh_do": "", "hoc_ham": "",
        "qua_trinh_cong_tac": ["Từ 01/2015 đến nay: Chuyên viên, UBND huyện Phú Quý"],
        "ket_qua": ["Năm 2025: Hoàn thành xuất sắc nhiệm vụ."],
        "sang_kien": ["Năm 2025: Số hóa hồ sơ khen thưởng, phạm vi ảnh hưởng cấp cơ sở"],
    },
    DocumentKind.REPORT_COLLECTIVE: {
        **REPORT, **HISTORY, "ten_tap_the": "Phòng Nội vụ huyện Phú Quý",
        "dia_chi": "Phú Quý, Bình Thuận", "don_vi_cap_tren": "UBND huyện Phú Quý",
        "dac_diem": "", "chuc_nang": "", "bien_phap": "",
        "ket_qua": ["Năm 2025: Hoàn thành xuất sắc nhiệm vụ (12 thành viên)."],
        "thu_truong": "",
    },
}

# Without these a document means nothing: a replacement template must use them.
REQUIRED = {
    DocumentKind.DECISION: {"so_ky_hieu", "trich_yeu", "cac_dieu", "ca_nhan", "tap_the"},
    DocumentKind.SUBMISSION: {"so_ky_hieu", "trich_yeu", "kinh_gui", "ca_nhan", "tap_the"},
    DocumentKind.VOTE_MINUTES: {"ten_cuoc_hop", "ket_qua"},
    DocumentKind.REPORT_INDIVIDUAL: {"ho_ten", "danh_hieu", "khen_thuong"},
    DocumentKind.REPORT_COLLECTIVE: {"ten_tap_the", "danh_hieu", "khen_thuong"},
}


def fields(kind: str) -> set[str]:
    """The placeholders a template of `kind` may use."""
    return set(SAMPLES[DocumentKind(kind)])
