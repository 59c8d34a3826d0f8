//! Tiếng Việt.

use super::Msg;
use crate::domain::{Status, Timeliness};

pub(super) fn msg(m: Msg) -> &'static str {
    match m {
        Msg::Id => "TT",
        Msg::Title => "Tên nhiệm vụ",
        Msg::Pillar => "Nhóm nhiệm vụ",
        Msg::Timeframe => "Thời gian thực hiện",
        Msg::Deadline => "Thời hạn",
        Msg::Lead => "Đơn vị chủ trì",
        Msg::Support => "Đơn vị phối hợp",
        Msg::Funding => "Nguồn kinh phí",
        Msg::Remark => "Ghi chú",
        Msg::Status => "Trạng thái",
        Msg::Progress => "Tiến độ",
        Msg::Timeliness => "Đánh giá thời hạn",
        Msg::CompletedOn => "Ngày hoàn thành",
        Msg::Notes => "Ý kiến, kết luận",
        Msg::History => "Lịch sử thay đổi",
        Msg::NoDeadline => "Không có thời hạn",
        Msg::When => "Thời điểm",
        Msg::Who => "Người thực hiện",
        Msg::Field => "Nội dung",
        Msg::From => "Từ",
        Msg::To => "Thành",
        Msg::Note => "Ghi chú",
        Msg::Saved => "Đã lưu",
        Msg::NothingFound => "Không có nhiệm vụ nào phù hợp",
        Msg::Plan => "Kế hoạch",
        Msg::AsOf => "Tính đến",
        Msg::User => "Người dùng",
        Msg::Tasks => "nhiệm vụ",
        Msg::Active => "đang dùng",
        Msg::Done => "Hoàn thành",
        Msg::Open => "Trong hạn",
        Msg::Overdue => "Quá hạn",
        Msg::BadProgress => "Tiến độ phải là số từ 0 đến 100",
        Msg::DraftKept => "Đã đóng; bản nháp ghi chú được giữ lại",
        Msg::ReadOnly => "Chế độ chỉ xem (--read-only): không thể sửa",
        Msg::SelectTask => "Hãy chọn một nhiệm vụ (không phải dòng nhóm)",
        Msg::EmptyNote => "Ghi chú trống: chưa lưu",
        Msg::NoChange => "Không có gì thay đổi",
        Msg::NotSaved => "CHƯA LƯU",
        Msg::SearchUnavailable => {
            "Không tìm kiếm được (lỗi lập chỉ mục); bộ lọc vẫn dùng được. Hãy mở lại steerdeck và báo lỗi"
        }
        Msg::NothingToUndo => "Không có thao tác nào để hoàn tác",
        Msg::NothingToRedo => "Không có thao tác nào để làm lại",
        Msg::Undone => "Đã hoàn tác và lưu",
        Msg::Redone => "Đã làm lại và lưu",
        Msg::Filters => "Lọc",
        Msg::NoFilter => "không",
        Msg::All => "Tất cả",
        Msg::Search => "Tìm",
        Msg::HelpTitle => "Phím tắt",
        Msg::HelpFilter => "Gõ để lọc danh sách phím",
        Msg::TooSmall => "Cửa sổ quá nhỏ: cần ít nhất {w}×{h} (hiện {cw}×{ch})",
        Msg::StatusTitle => "Đổi trạng thái",
        Msg::ProgressTitle => "Tiến độ (%)",
        Msg::NoteTitle => "Ghi chú / kết luận",
        Msg::FilterTitle => "Bộ lọc",
        Msg::GroupByPillar => "theo nhóm nhiệm vụ",
        Msg::GroupByLead => "theo đơn vị chủ trì",
        Msg::GroupByQuarter => "theo quý đến hạn",
        Msg::Shown => "hiển thị",
        Msg::ReadOnlyTag => "CHỈ XEM",
        Msg::DueThisQuarter => "Đến hạn quý này",
        Msg::Quarter => "Quý",
        Msg::DetailTitle => "Chi tiết nhiệm vụ",
        Msg::ConnectionLost => "Mất kết nối",
        Msg::SavedOnHangup => "bản nháp, lưu tự động khi mất kết nối",
        Msg::LeadShort => "Chủ trì",
        Msg::Reconnected => "Đã kết nối lại với máy chủ steerdeck",
        Msg::Days => "Số ngày",
        Msg::StatusShort => "T.thái",
    }
}

pub(super) fn status(s: Status) -> &'static str {
    match s {
        Status::NotStarted => "Chưa thực hiện",
        Status::InProgress => "Đang thực hiện",
        Status::Blocked => "Vướng mắc",
        Status::Done => "Hoàn thành",
        Status::Cancelled => "Dừng thực hiện",
    }
}

pub(super) fn timeliness(t: Timeliness) -> &'static str {
    match t {
        Timeliness::DoneOnTime => "Hoàn thành đúng hạn",
        Timeliness::DoneLate => "Hoàn thành quá hạn",
        Timeliness::DoneNoDeadline => "Hoàn thành (nhiệm vụ không có thời hạn)",
        Timeliness::OpenOnTime => "Đang thực hiện trong hạn",
        Timeliness::NotStarted => "Chưa thực hiện (chưa đến hạn)",
        Timeliness::OpenOverdue => "Quá hạn chưa hoàn thành",
        Timeliness::NoDeadline => "Đang thực hiện, không có thời hạn",
        Timeliness::Cancelled => "Dừng thực hiện",
    }
}
