//! Recording a target's measured value from the screen (the dashboard's `t`): which target (the
//! arrows choose), the value as typed ("81,5"), the day it was measured at, and its source. The
//! save carries how many readings the form saw, so a value another session recorded meanwhile
//! is said, not silently followed by ours; undo withdraws the reading.

use chrono::NaiveDate;

use super::edit::Edit;
use super::{Action, App, Mode, TextInput, Tone};
use crate::domain::day::parse_day;
use crate::domain::target::parse_percent;
use crate::i18n::meeting::{self as words, W};
use crate::store::{DeskChange, Outcome};

/// The fields of the form, after the target itself.
pub const FIELDS: [W; 3] = [W::Value, W::MeasuredOn, W::Source];

/// The form's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TargetForm {
    /// The target chosen (index into the plan's targets).
    pub pick: usize,
    /// Value, day measured, source.
    pub fields: Vec<TextInput>,
    /// The field being typed in.
    pub field: usize,
    /// How many readings each target had when the form opened.
    pub seen: Vec<usize>,
}

impl App {
    /// Opens the form on the first target, the review date proposed as the day measured.
    pub(super) fn open_record_target(&mut self) {
        let lang = self.cfg.lang;
        if self.cfg.read_only {
            self.say(Tone::Error, lang.t(crate::i18n::Msg::ReadOnly));
            return;
        }
        if self.plan.targets.is_empty() {
            self.say(Tone::Error, words::word(lang, W::NoTargets));
            return;
        }
        let mut day = TextInput::default();
        day.set(&crate::i18n::format::date(self.cfg.as_of));
        let seen = self
            .plan
            .targets
            .iter()
            .map(|k| self.desk.readings.get(&k.id).map_or(0, Vec::len))
            .collect();
        self.target_form = TargetForm {
            pick: self.target_form.pick.min(self.plan.targets.len() - 1),
            fields: vec![TextInput::default(), day, TextInput::default()],
            field: 0,
            seen,
        };
        self.open_popup(Mode::TargetValue);
    }

    pub(super) fn update_target_value(&mut self, action: Action) {
        let n = self.plan.targets.len().max(1);
        let f = self.target_form.fields.len().max(1);
        match action {
            Action::NextValue => self.target_form.pick = (self.target_form.pick + 1) % n,
            Action::PrevValue => self.target_form.pick = (self.target_form.pick + n - 1) % n,
            Action::NextField => self.target_form.field = (self.target_form.field + 1) % f,
            Action::PrevField => self.target_form.field = (self.target_form.field + f - 1) % f,
            Action::Confirm => self.save_target(),
            Action::Back => self.close_popup(),
            Action::Help => self.open_help(),
            _ => {}
        }
    }

    /// The field being typed in, for text keys.
    pub(super) fn target_field(&mut self) -> Option<&mut TextInput> {
        let i = self.target_form.field;
        self.target_form.fields.get_mut(i)
    }

    fn save_target(&mut self) {
        let lang = self.cfg.lang;
        let text = |i: usize, app: &App| {
            app.target_form
                .fields
                .get(i)
                .map(|t| t.text().trim().to_string())
                .unwrap_or_default()
        };
        let Some(value) = parse_percent(&text(0, self)) else {
            self.target_form.field = 0;
            self.say(Tone::Error, words::bad_percent(lang, &text(0, self)));
            return;
        };
        let Some(as_of) = parse_day(&text(1, self)).filter(|d| *d <= self.cfg.as_of) else {
            self.target_form.field = 1;
            self.say(Tone::Error, words::word(lang, W::BadMeasuredOn));
            return;
        };
        let Some(k) = self.plan.targets.get(self.target_form.pick).cloned() else {
            return;
        };
        let note = Some(text(2, self)).filter(|n| !n.is_empty());
        let seen = self.target_form.seen.get(self.target_form.pick).copied();
        let change = DeskChange::RecordTarget {
            target: k.id.clone(),
            value,
            as_of,
            note: note.clone(),
            seen,
        };
        if self.record_target(
            change,
            undo_of(&k.id, seen.unwrap_or(0), value, as_of, note),
        ) {
            self.close_popup();
        } else {
            // Someone recorded a value meanwhile: the form now knows it; saving again records
            // ours after theirs, knowingly.
            if let (Some(slot), Some(now)) = (
                self.target_form.seen.get_mut(self.target_form.pick),
                self.desk.readings.get(&k.id).map(Vec::len),
            ) {
                *slot = now;
            }
        }
    }

    /// Runs a target change; on success, remembers `edit` for undo and says what was saved.
    pub(super) fn record_target(&mut self, change: DeskChange, edit: Edit) -> bool {
        match self.run_desk(change) {
            Ok(Outcome::Desk { events, .. }) => {
                let said: Vec<String> = events
                    .iter()
                    .map(|e| crate::i18n::history::change(self.cfg.lang, &e.change()))
                    .collect();
                let subject = events
                    .first()
                    .and_then(|e| e.task.clone())
                    .unwrap_or_default();
                self.undo.push(edit);
                self.redo.clear();
                let text = format!(
                    "{} — {subject}: {}",
                    self.cfg.lang.t(crate::i18n::Msg::Saved),
                    said.join("; ")
                );
                self.say(Tone::Info, text);
                true
            }
            Ok(_) => true,
            Err(e) => {
                let text = self.not_saved(&e);
                self.say(Tone::Error, text);
                false
            }
        }
    }
}

/// The undo of recording reading number `index` of `target`.
fn undo_of(target: &str, index: usize, value: f64, as_of: NaiveDate, note: Option<String>) -> Edit {
    Edit::Target {
        target: target.to_string(),
        index,
        value,
        as_of,
        note,
    }
}
