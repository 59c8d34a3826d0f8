//! Errors on the wire: a kind, the sentence for the user, and the fields a client needs to
//! rebuild the `StoreError` it can act on (a conflict, a missing task or plan, a held store, a
//! refused edit); any other error keeps the server's sentence as it is.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::store::StoreError;
use crate::store::keys::BadKey;

/// What kind of failure an error is; clients rebuild the matching `StoreError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Same field changed since the editor looked.
    Conflict,
    /// No such task.
    NoSuchTask,
    /// No such plan.
    NoSuchPlan,
    /// The store has no plan.
    NoActivePlan,
    /// The store is held by another process.
    InUse,
    /// An update that changes nothing.
    EmptyUpdate,
    /// A note number the task does not have.
    NoSuchNote,
    /// A note withdrawn already.
    NoteWithdrawn,
    /// Progress out of range.
    BadProgress,
    /// The peer may only read.
    Denied,
    /// A plan name or a task id that may not be a key.
    BadName,
    /// Protocol versions differ.
    Version,
    /// The line is not a request (not JSON, not an object, missing fields).
    BadRequest,
    /// The operation is unknown.
    UnknownOp,
    /// The line is over [`MAX_REQUEST`] bytes.
    TooLong,
    /// A change to meetings or targets refused (`detail.problem` holds it as JSON).
    Desk,
    /// Anything else (also any kind this version does not know).
    #[serde(other)]
    Store,
}

/// An error on the wire: its kind, the sentence for the user, and the fields needed to rebuild
/// the error on the client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireError {
    /// What kind.
    pub kind: ErrorKind,
    /// The sentence for the user.
    pub message: String,
    /// Fields of the error (e.g. `task`, `field`, `by` of a conflict).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub detail: BTreeMap<String, String>,
}

impl WireError {
    /// An error with only a message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        WireError {
            kind,
            message: message.into(),
            detail: BTreeMap::new(),
        }
    }

    fn with(mut self, fields: &[(&str, &str)]) -> Self {
        for (k, v) in fields {
            self.detail.insert((*k).to_string(), (*v).to_string());
        }
        self
    }

    /// The server's form of a store error.
    pub fn from_store(e: &StoreError) -> Self {
        let w = |kind| WireError::new(kind, e.to_string());
        match e {
            StoreError::Conflict {
                task,
                field,
                expected,
                actual,
                by,
            } => w(ErrorKind::Conflict).with(&[
                ("task", task),
                ("field", field),
                ("expected", expected),
                ("actual", actual),
                ("by", by),
            ]),
            StoreError::NoSuchTask { plan, task } => {
                w(ErrorKind::NoSuchTask).with(&[("plan", plan), ("task", task)])
            }
            StoreError::NoSuchPlan(plan) => w(ErrorKind::NoSuchPlan).with(&[("plan", plan)]),
            StoreError::NoActivePlan => w(ErrorKind::NoActivePlan),
            StoreError::InUse { path } => w(ErrorKind::InUse).with(&[("path", path)]),
            StoreError::EmptyUpdate => w(ErrorKind::EmptyUpdate),
            StoreError::NoSuchNote { task, number } => {
                w(ErrorKind::NoSuchNote).with(&[("task", task), ("number", &number.to_string())])
            }
            StoreError::NoteWithdrawn { task, number, by } => w(ErrorKind::NoteWithdrawn).with(&[
                ("task", task),
                ("number", &number.to_string()),
                ("by", by),
            ]),
            StoreError::BadProgress(p) => {
                w(ErrorKind::BadProgress).with(&[("progress", &p.to_string())])
            }
            StoreError::Denied(_) => w(ErrorKind::Denied),
            StoreError::BadName(BadKey::PlanName(name)) => {
                w(ErrorKind::BadName).with(&[("plan_name", name)])
            }
            StoreError::BadName(BadKey::TaskId(id)) => {
                w(ErrorKind::BadName).with(&[("task_id", id)])
            }
            StoreError::ReadOnlyPeer {
                login,
                server_user,
                group,
                group_writable,
            } => w(ErrorKind::Denied).with(&[
                ("login", login),
                ("server_user", server_user),
                ("group", group),
                ("group_writable", if *group_writable { "yes" } else { "no" }),
            ]),
            StoreError::Desk(p) => match serde_json::to_string(p) {
                Ok(json) => w(ErrorKind::Desk).with(&[("problem", &json)]),
                Err(_) => w(ErrorKind::Store),
            },
            _ => w(ErrorKind::Store),
        }
    }

    /// The client's form: the matching `StoreError` where the client may act on it, else the
    /// server's sentence as it is.
    pub fn into_store(self) -> StoreError {
        let d = |k: &str| self.detail.get(k).cloned().unwrap_or_default();
        match self.kind {
            ErrorKind::Conflict => StoreError::Conflict {
                task: d("task"),
                field: d("field"),
                expected: d("expected"),
                actual: d("actual"),
                by: d("by"),
            },
            ErrorKind::NoSuchTask => StoreError::NoSuchTask {
                plan: d("plan"),
                task: d("task"),
            },
            ErrorKind::NoSuchPlan => StoreError::NoSuchPlan(d("plan")),
            ErrorKind::NoActivePlan => StoreError::NoActivePlan,
            ErrorKind::InUse => StoreError::InUse { path: d("path") },
            ErrorKind::EmptyUpdate => StoreError::EmptyUpdate,
            ErrorKind::NoSuchNote | ErrorKind::NoteWithdrawn => match d("number").parse() {
                Ok(number) if self.kind == ErrorKind::NoSuchNote => StoreError::NoSuchNote {
                    task: d("task"),
                    number,
                },
                Ok(number) => StoreError::NoteWithdrawn {
                    task: d("task"),
                    number,
                    by: d("by"),
                },
                Err(_) => StoreError::Remote(self.message),
            },
            ErrorKind::BadProgress => match d("progress").parse() {
                Ok(p) => StoreError::BadProgress(p),
                Err(_) => StoreError::Remote(self.message),
            },
            ErrorKind::Denied => match (self.detail.get("login"), d("group_writable").as_str()) {
                (Some(login), writable @ ("yes" | "no")) => StoreError::ReadOnlyPeer {
                    login: login.clone(),
                    server_user: d("server_user"),
                    group: d("group"),
                    group_writable: writable == "yes",
                },
                _ => StoreError::Denied(self.message),
            },
            ErrorKind::BadName => {
                match (self.detail.get("plan_name"), self.detail.get("task_id")) {
                    (Some(name), _) => StoreError::BadName(BadKey::PlanName(name.clone())),
                    (None, Some(id)) => StoreError::BadName(BadKey::TaskId(id.clone())),
                    (None, None) => StoreError::Remote(self.message),
                }
            }
            ErrorKind::Version | ErrorKind::BadRequest | ErrorKind::UnknownOp => {
                StoreError::Protocol(self.message)
            }
            ErrorKind::Desk => match serde_json::from_str(&d("problem")) {
                Ok(p) => StoreError::Desk(p),
                Err(_) => StoreError::Remote(self.message),
            },
            ErrorKind::TooLong | ErrorKind::Store => StoreError::Remote(self.message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_cross_the_wire_and_come_back_as_the_same_variant() {
        let conflict = StoreError::Conflict {
            task: "IV.5".into(),
            field: "status".into(),
            expected: "in progress".into(),
            actual: "done".into(),
            by: "minh".into(),
        };
        let wire = WireError::from_store(&conflict);
        let json = serde_json::to_string(&wire).expect("json");
        let back: WireError = serde_json::from_str(&json).expect("parses");
        let again = back.into_store();
        assert_eq!(again.to_string(), conflict.to_string());
        assert!(matches!(again, StoreError::Conflict { ref by, .. } if by == "minh"));
        let missing = StoreError::NoSuchTask {
            plan: "p".into(),
            task: "X.9".into(),
        };
        assert!(matches!(
            WireError::from_store(&missing).into_store(),
            StoreError::NoSuchTask { ref task, .. } if task == "X.9"
        ));
        let refused = StoreError::ReadOnlyPeer {
            login: "minh".into(),
            server_user: "steerdeck".into(),
            group: "secretariat".into(),
            group_writable: false,
        };
        let wire = WireError::from_store(&refused);
        assert_eq!(wire.kind, ErrorKind::Denied);
        assert_eq!(wire.message, refused.to_string());
        assert_eq!(
            wire.detail.get("group_writable").map(String::as_str),
            Some("no")
        );
        let back = wire.into_store();
        assert!(
            matches!(back, StoreError::ReadOnlyPeer { ref group, group_writable: false, .. } if group == "secretariat")
        );
        assert_eq!(back.to_string(), refused.to_string());
        let closed = StoreError::Desk(crate::store::DeskProblem::Closed {
            meeting: "H1".into(),
        });
        let back = WireError::from_store(&closed).into_store();
        assert!(
            matches!(back, StoreError::Desk(crate::store::DeskProblem::Closed { ref meeting }) if meeting == "H1")
        );
        let plain = WireError::new(ErrorKind::Denied, "no");
        assert!(matches!(plain.into_store(), StoreError::Denied(ref m) if m == "no"));
        let unknown: WireError =
            serde_json::from_str(r#"{"kind":"from_the_future","message":"later"}"#).expect("ok");
        assert_eq!(unknown.kind, ErrorKind::Store);
        assert_eq!(unknown.into_store().to_string(), "later");
    }
}
