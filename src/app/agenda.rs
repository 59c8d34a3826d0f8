//! The agenda edited from the screen: an item dropped or moved, the task selected in the plan
//! added. Each edit is the whole agenda as it should be, sent with the agenda the screen showed:
//! if someone changed it since, the store refuses and the screen shows theirs.

use super::meeting::editable;
use super::{Action, App, Mode, Tone};
use crate::domain::meeting::Meeting;
use crate::i18n::meet::{Word, t as word};
use crate::store::DeskChange;

impl App {
    /// The agenda item on screen, or why there is none (said).
    fn item_to_edit(&mut self) -> Option<(Meeting, String)> {
        let m = self.meeting_to_edit()?;
        if let Some(item) = m.agenda.get(self.meet.item) {
            let id = item.task.clone();
            return Some((m, id));
        }
        let key = self.key_for(Mode::Normal, Action::AddToAgenda);
        let text = word(self.cfg.lang, Word::EmptyAgenda).replace("{key}", &key);
        self.say(Tone::Error, text);
        None
    }

    pub(super) fn drop_item(&mut self) {
        let Some((m, id)) = self.item_to_edit() else {
            return;
        };
        let seen = ids(&m);
        let tasks = seen.iter().filter(|t| **t != id).cloned().collect();
        if self.set_agenda(&m.id, tasks, seen) {
            let text = word(self.cfg.lang, Word::Dropped).replace("{task}", &id);
            self.say(Tone::Info, text);
        }
    }

    pub(super) fn move_item(&mut self, later: bool) {
        let Some((m, id)) = self.item_to_edit() else {
            return;
        };
        let seen = ids(&m);
        let i = self.meet.item;
        let j = if later {
            Some(i + 1).filter(|j| *j < seen.len())
        } else {
            i.checked_sub(1)
        };
        let Some(j) = j else {
            let w = if later {
                Word::LastItem
            } else {
                Word::FirstItem
            };
            self.say(Tone::Info, word(self.cfg.lang, w));
            return;
        };
        let mut tasks = seen.clone();
        tasks.swap(i, j);
        if self.set_agenda(&m.id, tasks, seen) {
            self.meet.item = j;
            let text = word(self.cfg.lang, Word::Moved)
                .replace("{task}", &id)
                .replace("{n}", &(j + 1).to_string());
            self.say(Tone::Info, text);
        }
    }

    /// `a` in the plan: the selected task goes on the agenda of the open meeting, else of the
    /// latest planned one.
    pub(super) fn add_to_agenda(&mut self) {
        let lang = self.cfg.lang;
        if self.cfg.read_only {
            self.say(Tone::Error, lang.t(crate::i18n::Msg::ReadOnly));
            return;
        }
        let Some(id) = self.selected_task().map(|t| t.def.id.clone()) else {
            self.say(Tone::Error, lang.t(crate::i18n::Msg::SelectTask));
            return;
        };
        let Some(m) = editable(&self.desk).cloned() else {
            let key = self.key_for(Mode::Normal, Action::Meeting);
            self.say(
                Tone::Error,
                word(lang, Word::NoMeetingToAdd).replace("{key}", &key),
            );
            return;
        };
        let fill = |w| word(lang, w).replace("{task}", &id).replace("{id}", &m.id);
        if m.item(&id).is_some() {
            self.say(Tone::Info, fill(Word::AlreadyOnAgenda));
            return;
        }
        let seen = ids(&m);
        let mut tasks = seen.clone();
        tasks.push(id.clone());
        if self.set_agenda(&m.id, tasks, seen) {
            self.say(Tone::Info, fill(Word::Added));
        }
    }

    fn set_agenda(&mut self, meeting: &str, tasks: Vec<String>, seen: Vec<String>) -> bool {
        let change = DeskChange::SetAgenda {
            meeting: meeting.to_string(),
            tasks,
            seen: Some(seen),
        };
        self.desk_change(change).is_some()
    }
}

fn ids(m: &Meeting) -> Vec<String> {
    m.agenda.iter().map(|i| i.task.clone()).collect()
}
