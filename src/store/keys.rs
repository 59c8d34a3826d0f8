//! What may be a key in the store: a plan's name (it is part of every key of the plan, and is
//! typed on command lines) and a task's id (shown everywhere, typed in `show ID`). Checked on
//! every import, whoever sends it.

use super::StoreError;
use crate::domain::Plan;
use crate::domain::text::{is_dangerous as is_hidden_or_control, printable};

/// The longest plan name.
const MAX_NAME: usize = 64;
/// The longest task id.
const MAX_ID: usize = 64;

/// A name that may not be a key, as shown (printable).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadKey {
    #[error(
        "the plan name '{0}' is not allowed: use letters, digits, '-', '_' and '.' (at most {MAX_NAME}, not starting with '.' or '-'), e.g. 2026 or 2026-draft; nothing was imported"
    )]
    PlanName(String),
    #[error(
        "the task id '{0}' is not allowed: an id has no control or invisible characters, no line breaks and no surrounding spaces (at most {MAX_ID} characters); nothing was imported"
    )]
    TaskId(String),
}

impl BadKey {
    /// The sentence in Vietnamese.
    pub fn vi(&self) -> String {
        match self {
            BadKey::PlanName(name) => format!(
                "tên kế hoạch '{name}' không hợp lệ: chỉ dùng chữ cái, chữ số, '-', '_' và '.' (tối đa {MAX_NAME} ký tự, không bắt đầu bằng '.' hoặc '-'), ví dụ 2026 hoặc 2026-du-thao; chưa nhập gì"
            ),
            BadKey::TaskId(id) => format!(
                "mã nhiệm vụ '{id}' không hợp lệ: mã không được có ký tự điều khiển, ký tự ẩn, dấu xuống dòng hay khoảng trắng ở đầu và cuối (tối đa {MAX_ID} ký tự); chưa nhập gì"
            ),
        }
    }
}

/// A plan name is a safe key: letters (any script), digits, `-`, `_` and `.`, not starting with
/// `.` or `-`, at most 64 characters.
pub fn check_plan_name(name: &str) -> Result<(), StoreError> {
    let shown = printable(name, false);
    let ok = !name.is_empty()
        && name.chars().count() <= MAX_NAME
        && !name.starts_with(['.', '-'])
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(StoreError::BadName(BadKey::PlanName(shown)))
    }
}

/// A task id holds no control, invisible or line-breaking character and no surrounding space.
pub fn check_task_id(id: &str) -> Result<(), StoreError> {
    let shown = printable(id, false);
    let ok = !id.is_empty()
        && id.chars().count() <= MAX_ID
        && id.trim() == id
        && !id.chars().any(is_hidden_or_control);
    if ok {
        Ok(())
    } else {
        Err(StoreError::BadName(BadKey::TaskId(shown)))
    }
}

/// Checks a plan's name and every task id.
pub fn check_plan(plan: &Plan) -> Result<(), StoreError> {
    check_plan_name(crate::domain::text::clean(&plan.name).as_str())?;
    for t in &plan.tasks {
        check_task_id(&t.id)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_names_are_safe_keys() {
        for good in ["2025", "2026-draft", "kế_hoạch.v2"] {
            assert!(check_plan_name(good).is_ok(), "{good}");
        }
        for bad in [
            "\u{1b}[31mevil/../../x",
            "",
            "../x",
            ".hidden",
            "a b",
            "a/b",
            "-x",
        ] {
            let e = check_plan_name(bad).expect_err(bad).to_string();
            assert!(e.starts_with("the plan name '"), "{e}");
            assert!(!e.contains('\u{1b}'), "{e:?}");
        }
    }

    #[test]
    fn task_ids_have_no_controls() {
        for good in ["I.1", "P.9", "IV.5a", "Nhiệm vụ 3"] {
            assert!(check_task_id(good).is_ok(), "{good}");
        }
        for bad in [
            "I.\u{1b}[2J1",
            "I.1\nI.2",
            " I.1",
            "I\u{202e}.1",
            "I.\u{200b}1",
            "",
        ] {
            let e = check_task_id(bad).expect_err(bad).to_string();
            assert!(!e.chars().any(is_hidden_or_control), "{e:?}");
        }
    }
}
