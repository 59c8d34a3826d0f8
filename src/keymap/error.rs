//! Why a keymap file is refused. Every message names the file, the line, the section and entry
//! where there is one, and what to write instead where there is an answer.

use crate::action::{Action, Mode};
use crate::file_error::FileError;
use crate::i18n::Lang;

use super::accepts::accepted;
use super::spec::SpecError;

/// A keymap that cannot be loaded.
#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    /// The file cannot be read, or is not TOML (the message then starts "TOML syntax error").
    #[error(transparent)]
    File(#[from] FileError),
    /// A section that is not a mode.
    #[error(
        "{file}:{line}: unknown mode section [{name}] (modes: {})",
        mode_names()
    )]
    UnknownMode {
        file: String,
        line: usize,
        name: String,
    },
    /// A mode section not shaped `keymap = [ ... ]`.
    #[error("{file}:{line}: [{}] {problem}", .mode.name())]
    Section {
        file: String,
        line: usize,
        mode: Mode,
        problem: SectionProblem,
    },
    /// One entry of a section.
    #[error("{file}:{line}: [{}] entry {index}{}: {problem}", .mode.name(), on_text(.on.as_deref()))]
    Entry {
        file: String,
        line: usize,
        mode: Mode,
        /// 1-based position in the section's `keymap` list.
        index: usize,
        /// The key as written, if the entry has one.
        on: Option<String>,
        problem: EntryProblem,
    },
    /// `--keymap NAME` names no preset.
    #[error(
        "unknown keymap preset \"{name}\": the presets are {}; or give the path of a .toml file",
        .known.join(", ")
    )]
    UnknownPreset {
        name: String,
        known: Vec<&'static str>,
    },
}

/// What is wrong with a mode section as a whole.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SectionProblem {
    /// Not `keymap = [ ... ]`.
    #[error("must hold {SHAPE}")]
    Shape,
    /// A key other than `keymap`.
    #[error("unknown key `{0}`: a section must hold {SHAPE}")]
    UnknownKey(String),
}

/// How a mode section is written.
const SHAPE: &str = "`keymap = [ { on = \"j\", run = \"move_down\" }, ... ]`";

impl SectionProblem {
    /// The sentence in the interface language.
    pub fn in_lang(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, _) => self.to_string(),
            (Lang::Vi, SectionProblem::Shape) => format!("phải có dạng {SHAPE}"),
            (Lang::Vi, SectionProblem::UnknownKey(k)) => {
                format!("khóa `{k}` không hợp lệ: mỗi mục phải có dạng {SHAPE}")
            }
        }
    }
}

impl KeymapError {
    /// The sentence in the interface language, with the file and the place.
    pub fn in_lang(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            KeymapError::File(e) => e.in_lang(lang),
            KeymapError::UnknownMode { file, line, name } => format!(
                "{file}:{line}: mục [{name}] không phải là một chế độ (các chế độ: {})",
                mode_names()
            ),
            KeymapError::Section {
                file,
                line,
                mode,
                problem,
            } => format!("{file}:{line}: [{}] {}", mode.name(), problem.in_lang(lang)),
            KeymapError::Entry {
                file,
                line,
                mode,
                index,
                on,
                problem,
            } => format!(
                "{file}:{line}: [{}] phần tử {index}{}: {}",
                mode.name(),
                on_text(on.as_deref()),
                problem.in_lang(lang)
            ),
            KeymapError::UnknownPreset { name, known } => format!(
                "không có bộ phím tắt có sẵn \"{name}\": các bộ có sẵn là {}; hoặc hãy cho đường dẫn tới một tệp .toml",
                known.join(", ")
            ),
        }
    }
}

impl EntryProblem {
    /// The sentence in the interface language.
    pub fn in_lang(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            EntryProblem::NotATable => {
                "mỗi phần tử là một bảng: { on = \"j\", run = \"move_down\" }".into()
            }
            EntryProblem::MissingOn => "thiếu `on` (phím, ví dụ on = \"j\")".into(),
            EntryProblem::MissingRun => {
                "thiếu `run` (thao tác, ví dụ run = \"move_down\", hoặc \"noop\" để bỏ gán phím)"
                    .into()
            }
            EntryProblem::KeySequence => "không hỗ trợ chuỗi phím: `on` chỉ là một phím".into(),
            EntryProblem::NotAString { field, found } => {
                format!("`{field}` phải là một chuỗi ký tự, nhưng ở đây là {found}")
            }
            EntryProblem::UnknownField(f) => {
                format!("trường `{f}` không hợp lệ (mỗi phần tử có on, run và desc)")
            }
            EntryProblem::BadKey(e) => e.in_lang(lang),
            EntryProblem::UnknownAction { name, close } => {
                if close.is_empty() {
                    format!(
                        "không có thao tác \"{name}\" (danh sách thao tác có trong keymaps/default.toml)"
                    )
                } else {
                    format!(
                        "không có thao tác \"{name}\" (có phải ý bạn là {}?)",
                        close.join(", ")
                    )
                }
            }
            EntryProblem::NotAccepted { action, mode } => format!(
                "\"{}\" không có tác dụng trong [{}] (các thao tác ở đó: {})",
                action.name(),
                mode.name(),
                accepted_text(*mode)
            ),
            EntryProblem::TypedInTextMode { key, mode } => format!(
                "[{}] nhận văn bản, nên \"{key}\" được gõ thành chữ, không bao giờ được tra như phím tắt: hãy gán một phím có tên (enter, f1, ...) hoặc một ký tự kèm ctrl- hay alt-",
                mode.name()
            ),
            EntryProblem::Duplicate { key, first, line } => {
                format!("\"{key}\" đã được gán trong mục này ở phần tử {first} (dòng {line})")
            }
        }
    }
}

/// What is wrong with one entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryProblem {
    /// `keymap = [ "j" ]`.
    #[error("an entry is a table: {{ on = \"j\", run = \"move_down\" }}")]
    NotATable,
    /// No `on`.
    #[error("missing `on` (the key, e.g. on = \"j\")")]
    MissingOn,
    /// No `run`.
    #[error("missing `run` (the action, e.g. run = \"move_down\", or \"noop\" to unbind the key)")]
    MissingRun,
    /// `on = ["g", "g"]`.
    #[error("key sequences are not supported: `on` is one key")]
    KeySequence,
    /// A field of the wrong type.
    #[error("`{field}` must be a string, found {found}")]
    NotAString {
        field: &'static str,
        found: &'static str,
    },
    /// A field other than on, run and desc.
    #[error("unknown field `{0}` (an entry has on, run and desc)")]
    UnknownField(String),
    /// The key cannot be parsed, or would not survive a terminal.
    #[error(transparent)]
    BadKey(#[from] SpecError),
    /// `run` names no action.
    #[error("unknown action \"{name}\"{}", close_text(.close))]
    UnknownAction { name: String, close: Vec<String> },
    /// The mode would ignore the action.
    #[error("\"{}\" does nothing in [{}] (actions there: {})", .action.name(), .mode.name(), accepted_text(*.mode))]
    NotAccepted { action: Action, mode: Mode },
    /// A plain character in a mode where characters are text.
    #[error(
        "[{}] takes text, so \"{key}\" is typed, never looked up: bind a named key (enter, f1, ...) \
         or a character with ctrl- or alt-",
        .mode.name()
    )]
    TypedInTextMode { key: String, mode: Mode },
    /// The same key twice in one section of one file.
    #[error("\"{key}\" is already bound in this section by entry {first} (line {line})")]
    Duplicate {
        key: String,
        first: usize,
        line: usize,
    },
}

fn mode_names() -> String {
    Mode::ALL.map(Mode::name).join(", ")
}

fn on_text(on: Option<&str>) -> String {
    on.map(|on| format!(", on = {on:?}")).unwrap_or_default()
}

fn close_text(close: &[String]) -> String {
    if close.is_empty() {
        " (the actions are listed in keymaps/default.toml)".to_string()
    } else {
        format!(" (did you mean {}?)", close.join(", "))
    }
}

fn accepted_text(mode: Mode) -> String {
    accepted(mode)
        .into_iter()
        .map(Action::name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Up to three action names close to `name`: a typo or two away, or sharing a word with it.
pub(super) fn close_actions(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split('_').filter(|w| w.len() > 2).collect();
    let typos = (name.chars().count() / 3).max(1);
    let mut close: Vec<(bool, usize, String)> = Action::ALL
        .into_iter()
        .map(Action::name)
        .filter_map(|candidate| {
            let distance = edit_distance(name, &candidate);
            let shares_word = candidate.split('_').any(|w| words.contains(&w));
            // The first word is the verb ("save" in "save_note"): an action with the same verb
            // is the likelier meaning.
            let same_verb = candidate.split('_').next() == name.split('_').next();
            (distance <= typos || shares_word).then_some((!same_verb, distance, candidate))
        })
        .collect();
    close.sort();
    close.into_iter().take(3).map(|(_, _, n)| n).collect()
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("move_down", "move_down"), 0);
        assert_eq!(edit_distance("movedown", "move_down"), 1);
    }

    #[test]
    fn close_actions_suggest_likely_names() {
        assert_eq!(close_actions("movedown"), ["move_down"]);
        assert_eq!(close_actions("move"), ["move_up", "move_down"]);
        assert_eq!(
            close_actions("save_note"),
            ["save", "add_note", "next_note"]
        );
        assert_eq!(close_actions("quite"), ["quit"]);
        assert!(close_actions("frobnicate").is_empty());
    }
}
