//! The store's errors in the interface language: what is wrong and what to do. A sentence that
//! comes from the server as it is (a refusal, a lost connection) is shown as the server wrote it.

use super::{Lang, edits};
use crate::domain::PlanProblem;
use crate::store::backup::Problem;
use crate::store::{Distrust, StoreError};

/// What makes a plan unusable, in the interface language.
pub fn plan_problem(lang: Lang, p: &PlanProblem) -> String {
    if lang == Lang::En {
        return p.to_string();
    }
    match p {
        PlanProblem::NoName => "kế hoạch chưa có tên".into(),
        PlanProblem::EmptyId { index } => format!("nhiệm vụ thứ {index}: mã nhiệm vụ để trống"),
        PlanProblem::DuplicateTask(id) => format!("nhiệm vụ '{id}' xuất hiện hai lần"),
        PlanProblem::UnknownPillar { task, pillar } => format!(
            "nhiệm vụ '{task}' thuộc nhóm nhiệm vụ '{pillar}', nhưng kế hoạch không có nhóm này"
        ),
        PlanProblem::DuplicatePillar(key) => {
            format!("nhóm nhiệm vụ '{key}' được khai báo hai lần")
        }
        PlanProblem::NoTitle(id) => format!("nhiệm vụ '{id}' chưa có tên"),
        PlanProblem::BadTarget { id, value } => {
            format!("chỉ tiêu '{id}': giá trị {value} không phải là tỷ lệ phần trăm từ 0 đến 100")
        }
    }
}

/// Why a socket or a server is refused, in Vietnamese.
fn distrust(why: &Distrust) -> String {
    match why {
        Distrust::SymlinkSocket { socket } => format!(
            "{socket} là một liên kết tượng trưng (symbolic link), không phải socket của kho dữ liệu; không sử dụng (nếu không phải bạn tạo ra, hãy xóa nó rồi thử lại)"
        ),
        Distrust::NotASocket { socket } => format!(
            "{socket} không phải là socket; không sử dụng (hãy chuyển tệp này sang chỗ khác rồi thử lại)"
        ),
        Distrust::SocketOfOther { socket, owner } => format!(
            "{socket} thuộc về {owner}, người không sở hữu kho dữ liệu; không sử dụng (nếu không phải bạn tạo ra, hãy xóa nó rồi thử lại)"
        ),
        Distrust::NoPeerCred { socket, error } => format!(
            "không xác định được ai đang chạy máy chủ tại {socket} (SO_PEERCRED: {error}); không sử dụng"
        ),
        Distrust::ServerOfOther {
            socket,
            runs_as,
            allowed,
        } => format!(
            "máy chủ tại {socket} chạy dưới tài khoản {runs_as}, người không sở hữu kho dữ liệu (chỉ {} mới được chạy máy chủ của kho); không trao đổi với máy chủ này: hãy dừng tiến trình đó rồi thử lại",
            allowed.join(" hoặc ")
        ),
        Distrust::NoStoreId {
            db,
            id_file,
            socket,
        } => format!(
            "thư mục kho dữ liệu {db} không có tệp {id_file} hợp lệ, nên không kiểm tra được máy chủ tại {socket}; không sử dụng (hãy khởi động máy chủ bằng `steerdeck serve --db {db}`, lệnh này sẽ ghi tệp đó)"
        ),
        Distrust::OtherStore {
            socket,
            found,
            db,
            expected,
        } => format!(
            "máy chủ tại {socket} phục vụ một kho dữ liệu khác (mã định danh {found}, trong khi {db} chứa kho {expected}); không sử dụng"
        ),
        Distrust::NoIdentity { socket } => {
            format!("máy chủ tại {socket} không cho biết nó phục vụ kho dữ liệu nào; không sử dụng")
        }
    }
}

/// A store error as the user reads it.
pub fn store(lang: Lang, e: &StoreError) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        StoreError::InUse { path } => format!(
            "kho dữ liệu tại {path} đang được một tiến trình steerdeck khác sử dụng; hãy đóng tiến trình đó hoặc chờ nó xong"
        ),
        StoreError::Unopenable { path, failure } => {
            use crate::store::disk::OpenFailure as F;
            let why = match failure {
                F::Damaged { at: Some(at) } => {
                    format!(
                        "các tệp của kho dữ liệu bị hỏng (không đọc được dữ liệu tại vị trí {at})"
                    )
                }
                F::Damaged { at: None } => {
                    "các tệp của kho dữ liệu bị hỏng (có dữ liệu không đọc được)".to_string()
                }
                F::NoScratch(c) => format!("không tạo được bản sao tạm để kiểm tra kho ({c})"),
                F::NoCopy(c) => format!("không sao chép được các tệp của kho để kiểm tra ({c})"),
                F::Cause(c) => c.clone(),
            };
            format!(
                "không mở được kho dữ liệu tại {path}: {why}; các tệp được giữ nguyên như cũ; `steerdeck doctor` kiểm tra kho mà không thay đổi gì, và `steerdeck --db THƯ_MỤC_MỚI restore TỆP` tạo một kho mới từ bản sao lưu"
            )
        }
        StoreError::Open { path, message } => {
            format!("không mở được kho dữ liệu tại {path}: {message}")
        }
        StoreError::Backend(m) => format!("kho dữ liệu gặp lỗi: {m}"),
        StoreError::Io { path, message } => {
            format!("không đọc hoặc ghi được kho dữ liệu tại {path}: {message}")
        }
        StoreError::Corrupt { what, message } => format!(
            "kho dữ liệu có dữ liệu mà phiên bản steerdeck này không đọc được ({what}): {message}"
        ),
        StoreError::NoSuchPlan(p) => {
            format!("không có kế hoạch nào tên '{p}' (xem danh sách: steerdeck plans)")
        }
        StoreError::NoActivePlan => "kho dữ liệu chưa có kế hoạch nào".into(),
        StoreError::NoSuchTask { plan, task } => {
            format!("không có nhiệm vụ '{task}' trong kế hoạch '{plan}'")
        }
        StoreError::BadProgress(p) => format!("tiến độ phải từ 0 đến 100, không phải {p}"),
        StoreError::BadPlan(p) => {
            format!("kế hoạch không hợp lệ: {}", plan_problem(lang, p))
        }
        StoreError::Conflict {
            task,
            field,
            expected,
            actual,
            by,
        } => format!(
            "{task}: {} đã được {by} đổi thành {} sau khi bạn xem (bạn thấy {}); chưa lưu gì",
            edits::field_name(lang, field).to_lowercase(),
            edits::value_text(lang, field, actual),
            edits::value_text(lang, field, expected)
        ),
        StoreError::EmptyUpdate => {
            "không có gì để thay đổi: hãy cho trạng thái, tiến độ hoặc ghi chú".into()
        }
        StoreError::NoSuchNote { task, number } => {
            format!("{task} không có ghi chú số {number}")
        }
        StoreError::NoteWithdrawn { task, number, by } => {
            format!("ghi chú số {number} của {task} đã được {by} rút trước đó; chưa lưu gì")
        }
        StoreError::ReadOnlyPeer {
            login,
            server_user,
            group,
            group_writable: true,
        } => format!(
            "{login} chỉ được xem kho dữ liệu này, không được thay đổi: chỉ {server_user} và các thành viên nhóm {group} được thay đổi; chưa lưu gì"
        ),
        StoreError::ReadOnlyPeer {
            login,
            server_user,
            group,
            group_writable: false,
        } => format!(
            "{login} chỉ được xem kho dữ liệu này, không được thay đổi: chỉ {server_user} được thay đổi (muốn cho nhóm {group} sửa thì cấp quyền ghi thư mục kho dữ liệu cho nhóm); chưa lưu gì"
        ),
        StoreError::Untrusted(why) => distrust(why),
        StoreError::BadName(bad) => bad.vi(),
        StoreError::Desk(p) => super::meeting::problem(Lang::Vi, p),
        StoreError::Denied(m)
        | StoreError::Disconnected(m)
        | StoreError::Protocol(m)
        | StoreError::Remote(m) => m.clone(),
    }
}

/// A problem `doctor` or `backup` found, in the interface language.
pub fn backup_problem(lang: Lang, p: &Problem) -> String {
    if lang == Lang::En {
        return p.to_string();
    }
    match p {
        Problem::Plan { plan, error } => format!("không đọc được kế hoạch {plan}: {error}"),
        Problem::State { key, error } => {
            format!("không đọc được tình trạng {key}: {error}")
        }
        Problem::EventNumber { seq, stored_as } => {
            format!("sự kiện {seq} được lưu dưới số {stored_as}")
        }
        Problem::Event { error } => format!("không đọc được một sự kiện: {error}"),
        Problem::EventKey => "một sự kiện có khoá không hợp lệ".into(),
        Problem::MissingEvent { seq } => {
            format!("chỉ mục lịch sử trỏ tới sự kiện {seq} nhưng sự kiện đó không còn")
        }
        Problem::OrphanState { plan } => {
            format!("có tình trạng nhiệm vụ thuộc kế hoạch {plan} nhưng kế hoạch đó không còn")
        }
        Problem::MissingActive { plan } => {
            format!("kế hoạch đang dùng {plan} không còn trong kho")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_errors_read_in_either_language() {
        let e = StoreError::NoSuchTask {
            plan: "2025".into(),
            task: "X.99".into(),
        };
        assert_eq!(
            store(Lang::Vi, &e),
            "không có nhiệm vụ 'X.99' trong kế hoạch '2025'"
        );
        assert_eq!(
            store(Lang::En, &e),
            "there is no task 'X.99' in plan '2025'"
        );
        for (writable, vi, en) in [
            (
                true,
                "minh chỉ được xem kho dữ liệu này, không được thay đổi: chỉ steerdeck và các thành viên nhóm secretariat được thay đổi; chưa lưu gì",
                "minh may read this store but not change it: changes are for steerdeck and the members of group secretariat; nothing was saved",
            ),
            (
                false,
                "minh chỉ được xem kho dữ liệu này, không được thay đổi: chỉ steerdeck được thay đổi (muốn cho nhóm secretariat sửa thì cấp quyền ghi thư mục kho dữ liệu cho nhóm); chưa lưu gì",
                "minh may read this store but not change it: changes are for steerdeck only (make the store directory group-writable to let group secretariat edit); nothing was saved",
            ),
        ] {
            let e = StoreError::ReadOnlyPeer {
                login: "minh".into(),
                server_user: "steerdeck".into(),
                group: "secretariat".into(),
                group_writable: writable,
            };
            assert_eq!(store(Lang::Vi, &e), vi);
            assert_eq!(store(Lang::En, &e), en);
        }
        let p = PlanProblem::UnknownPillar {
            task: "IV.1".into(),
            pillar: "dat".into(),
        };
        assert_eq!(
            store(Lang::Vi, &StoreError::BadPlan(p)),
            "kế hoạch không hợp lệ: nhiệm vụ 'IV.1' thuộc nhóm nhiệm vụ 'dat', nhưng kế hoạch không có nhóm này"
        );
        let e = StoreError::Untrusted(Distrust::ServerOfOther {
            socket: "/s/steerdeck.sock".into(),
            runs_as: "nobody".into(),
            allowed: vec!["root".into(), "lan".into()],
        });
        assert_eq!(
            store(Lang::En, &e),
            "the server at /s/steerdeck.sock runs as nobody, who does not own the store (only root or lan may run its server); refusing to talk to it: stop that process, then try again"
        );
        assert_eq!(
            store(Lang::Vi, &e),
            "máy chủ tại /s/steerdeck.sock chạy dưới tài khoản nobody, người không sở hữu kho dữ liệu (chỉ root hoặc lan mới được chạy máy chủ của kho); không trao đổi với máy chủ này: hãy dừng tiến trình đó rồi thử lại"
        );
        let e = StoreError::Untrusted(Distrust::NoIdentity {
            socket: "/s/steerdeck.sock".into(),
        });
        assert_eq!(
            store(Lang::Vi, &e),
            "máy chủ tại /s/steerdeck.sock không cho biết nó phục vụ kho dữ liệu nào; không sử dụng"
        );
        let c = StoreError::Conflict {
            task: "I.4".into(),
            field: "status".into(),
            expected: "not-started".into(),
            actual: "done".into(),
            by: "minh".into(),
        };
        assert_eq!(
            store(Lang::Vi, &c),
            "I.4: trạng thái đã được minh đổi thành Hoàn thành sau khi bạn xem (bạn thấy Chưa thực hiện); chưa lưu gì"
        );
    }
}
