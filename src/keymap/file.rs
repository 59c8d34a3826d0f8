//! One keymap file read into a layer of bindings, checked as a whole before anything is
//! applied. The TOML is read with spans so that every error can name its line.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::action::{Action, Mode};

use super::accepts::accepts;
use super::error::{EntryProblem, KeymapError, SectionProblem, close_actions};
use super::spec::{self, KeySpec};
use crate::domain::text::line_col;
use crate::file_error::FileError;

/// One entry of a section: a key, what it runs, and the description written for it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entry {
    pub key: KeySpec,
    pub action: Action,
    pub desc: Option<String>,
}

/// The sections of one file, in the order they appear.
pub(super) type Layer = Vec<(Mode, Vec<Entry>)>;

/// Reads the keymap file `text`, named `file` in errors.
pub(super) fn parse_layer(file: &str, text: &str) -> Result<Layer, KeymapError> {
    let root = DeTable::parse(text).map_err(|e| FileError::toml_syntax(file, text, e))?;
    let mut sections: Vec<_> = root.get_ref().iter().collect();
    sections.sort_by_key(|(name, _)| name.span().start);
    let mut layer = Layer::new();
    for (name, value) in sections {
        let Some(mode) = Mode::ALL.into_iter().find(|m| m.name() == name.get_ref()) else {
            return Err(KeymapError::UnknownMode {
                file: file.to_string(),
                line: line_col(text, name.span().start).0,
                name: name.get_ref().to_string(),
            });
        };
        let section = Section { file, text, mode };
        layer.push((mode, section.entries(value)?));
    }
    Ok(layer)
}

/// Context for reading one mode's section.
struct Section<'a> {
    file: &'a str,
    text: &'a str,
    mode: Mode,
}

impl Section<'_> {
    fn line(&self, span: Range<usize>) -> usize {
        line_col(self.text, span.start).0
    }

    fn problem(&self, span: Range<usize>, problem: SectionProblem) -> KeymapError {
        KeymapError::Section {
            file: self.file.to_string(),
            line: self.line(span),
            mode: self.mode,
            problem,
        }
    }

    /// The entries of `keymap = [ ... ]`, checked: each alone, then no key twice.
    fn entries(&self, value: &Spanned<DeValue<'_>>) -> Result<Vec<Entry>, KeymapError> {
        let shape = SectionProblem::Shape;
        let DeValue::Table(table) = value.get_ref() else {
            return Err(self.problem(value.span(), shape));
        };
        let mut list = None;
        for (key, item) in table {
            if key.get_ref() != "keymap" {
                let problem = SectionProblem::UnknownKey(key.get_ref().to_string());
                return Err(self.problem(key.span(), problem));
            }
            list = Some(item);
        }
        let Some(list) = list else {
            return Err(self.problem(value.span(), shape));
        };
        let DeValue::Array(items) = list.get_ref() else {
            return Err(self.problem(list.span(), shape));
        };
        let mut entries: Vec<(Entry, usize)> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let line = self.line(item.span());
            let on = item.get_ref().get("on").and_then(|v| v.get_ref().as_str());
            let fail = |problem| KeymapError::Entry {
                file: self.file.to_string(),
                line,
                mode: self.mode,
                index: i + 1,
                on: on.map(str::to_string),
                problem,
            };
            let entry = self.entry(item.get_ref()).map_err(fail)?;
            if let Some(first) = entries.iter().position(|(e, _)| e.key == entry.key) {
                return Err(fail(EntryProblem::Duplicate {
                    key: entry.key.to_string(),
                    first: first + 1,
                    line: entries[first].1,
                }));
            }
            entries.push((entry, line));
        }
        Ok(entries.into_iter().map(|(e, _)| e).collect())
    }

    /// One entry, checked alone.
    fn entry(&self, item: &DeValue<'_>) -> Result<Entry, EntryProblem> {
        let DeValue::Table(fields) = item else {
            return Err(EntryProblem::NotATable);
        };
        let (mut on, mut run, mut desc) = (None, None, None);
        for (name, value) in fields {
            let slot = match name.get_ref().as_ref() {
                "on" => &mut on,
                "run" => &mut run,
                "desc" => &mut desc,
                other => return Err(EntryProblem::UnknownField(other.to_string())),
            };
            *slot = Some(string_field(name.get_ref(), value.get_ref())?);
        }
        let key = spec::parse(on.ok_or(EntryProblem::MissingOn)?)?;
        let run = run.ok_or(EntryProblem::MissingRun)?;
        let action = Action::from_name(run).ok_or_else(|| EntryProblem::UnknownAction {
            name: run.to_string(),
            close: close_actions(run),
        })?;
        if self.mode.takes_text() && key.text_char().is_some() {
            return Err(EntryProblem::TypedInTextMode {
                key: key.to_string(),
                mode: self.mode,
            });
        }
        if !accepts(self.mode, action) {
            return Err(EntryProblem::NotAccepted {
                action,
                mode: self.mode,
            });
        }
        Ok(Entry {
            key,
            action,
            desc: desc.map(str::to_string),
        })
    }
}

/// The string value of field `name`.
fn string_field<'v>(name: &str, value: &'v DeValue<'_>) -> Result<&'v str, EntryProblem> {
    match value {
        DeValue::String(s) => Ok(s),
        DeValue::Array(_) if name == "on" => Err(EntryProblem::KeySequence),
        other => Err(EntryProblem::NotAString {
            field: match name {
                "on" => "on",
                "run" => "run",
                _ => "desc",
            },
            found: other.type_str(),
        }),
    }
}
