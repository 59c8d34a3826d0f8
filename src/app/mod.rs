//! Application state and behaviour. `App` is changed only through [`App::update`] (actions from
//! the keymap) and the text-entry methods; rendering reads it and never changes it.

mod edit;
pub mod input;
pub mod menu;
mod update;
pub mod view;

use chrono::NaiveDate;
use ratatui_textarea::TextArea;
use std::collections::HashSet;

pub use crate::action::{Action, Mode};
pub use edit::Edit;
pub use input::{TextInput, TextKey};
pub use menu::FilterMenu;
pub use view::{Grouping, Row, View};

use crate::domain::{Plan, Task, UnitRegistry};
use crate::i18n::{Lang, Msg};
use crate::keymap::Keymap;
use crate::query::{Filter, Query, TaskIndex};
use crate::store::{Actor, PlanStore, StoreError};

/// How a message in the status line should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something done.
    Info,
    /// Something refused or failed.
    Error,
}

/// The state of the help screen.
#[derive(Debug, Clone, Default)]
pub struct HelpState {
    /// The mode whose keys are listed.
    pub mode: Option<Mode>,
    /// Words filtering the list.
    pub query: TextInput,
    /// First line shown.
    pub scroll: u16,
}

/// Everything the screen shows and the user can change.
pub struct App {
    store: Box<dyn PlanStore>,
    /// Who edits.
    pub actor: Actor,
    /// The review date.
    pub as_of: NaiveDate,
    /// Interface language.
    pub lang: Lang,
    /// Refuse every edit.
    pub read_only: bool,
    /// Key bindings.
    pub keymap: Keymap,
    /// Units and their spellings.
    pub registry: UnitRegistry,
    /// The plan's name in the store.
    pub plan_name: String,
    /// The plan definition.
    pub plan: Plan,
    index: TaskIndex,
    /// Active filters.
    pub filter: Filter,
    /// The search being typed or kept.
    pub search: TextInput,
    query: Query,
    /// Current grouping.
    pub grouping: Grouping,
    folded: HashSet<String>,
    /// The rows on screen.
    pub view: View,
    /// Selected row.
    pub selected: usize,
    /// First row drawn.
    pub offset: usize,
    /// Table rows that fit on screen (set by the runtime from the terminal size).
    pub page: usize,
    /// Current mode.
    pub mode: Mode,
    /// Where a popup returns to (the table or the detail).
    pub popup_return: Mode,
    /// The status picker's highlighted status.
    pub status_cursor: usize,
    /// The progress being typed.
    pub progress_input: TextInput,
    /// The note being written.
    pub note: TextArea<'static>,
    /// The task the note draft belongs to.
    pub note_task: Option<String>,
    /// Help screen state.
    pub help: HelpState,
    /// Filter menu state.
    pub menu: FilterMenu,
    /// Detail scroll.
    pub detail_scroll: u16,
    /// The status line.
    pub message: Option<(Tone, String)>,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// The newest history event this screen has seen.
    pub last_seq: u64,
    /// Set when the user asked to leave.
    pub quit: bool,
}

/// What an App needs to start.
pub struct AppConfig {
    pub actor: Actor,
    pub as_of: NaiveDate,
    pub lang: Lang,
    pub read_only: bool,
    pub keymap: Keymap,
    pub registry: UnitRegistry,
    pub plan_name: String,
}

impl App {
    /// Loads the plan from the store and builds the first view.
    pub fn new(store: Box<dyn PlanStore>, cfg: AppConfig) -> Result<Self, StoreError> {
        let data = store.load(&cfg.plan_name)?;
        let last_seq = store.last_seq()?;
        let index = TaskIndex::new(data.tasks(), &cfg.registry);
        let mut app = App {
            store,
            actor: cfg.actor,
            as_of: cfg.as_of,
            lang: cfg.lang,
            read_only: cfg.read_only,
            keymap: cfg.keymap,
            registry: cfg.registry,
            plan_name: cfg.plan_name,
            plan: data.plan,
            index,
            filter: Filter::default(),
            search: TextInput::default(),
            query: Query::new(""),
            grouping: Grouping::default(),
            folded: HashSet::new(),
            view: View::default(),
            selected: 0,
            offset: 0,
            page: 10,
            mode: Mode::Normal,
            popup_return: Mode::Normal,
            status_cursor: 0,
            progress_input: TextInput::default(),
            note: TextArea::default(),
            note_task: None,
            help: HelpState::default(),
            menu: FilterMenu::default(),
            detail_scroll: 0,
            message: None,
            undo: Vec::new(),
            redo: Vec::new(),
            last_seq,
            quit: false,
        };
        app.rebuild();
        app.selected = usize::from(app.view.rows.len() > 1);
        Ok(app)
    }

    /// All tasks of the plan, in plan order.
    pub fn tasks(&self) -> &[Task] {
        self.index.tasks()
    }

    /// The selected task, if the selection is on a task.
    pub fn selected_task(&self) -> Option<&Task> {
        match self.view.rows.get(self.selected) {
            Some(Row::Task { task, .. }) => self.index.tasks().get(*task),
            _ => None,
        }
    }

    /// The history of a task, newest last (empty if the store cannot say).
    pub fn history(&self, id: &str) -> Vec<crate::store::Event> {
        self.store
            .history(&self.plan_name, Some(id))
            .unwrap_or_default()
    }

    /// Re-applies filter, search and grouping, keeping the selection on the same task or group.
    pub fn rebuild(&mut self) {
        let keep = self.selection_key();
        let selected = self
            .index
            .select(&self.filter, &self.query, &self.registry, self.as_of)
            .unwrap_or_else(|e| {
                // A defect; said on every search so the user knows an empty list is not an answer.
                let text = format!("{} ({})", self.lang.t(Msg::SearchUnavailable), e.cause());
                self.say(Tone::Error, text);
                Vec::new()
            });
        self.view = view::build(&view::ViewInput {
            plan: &self.plan,
            tasks: self.index.tasks(),
            selected: &selected,
            grouping: self.grouping,
            folded: &self.folded,
            registry: &self.registry,
            as_of: self.as_of,
            lang: self.lang,
        });
        if let Some(pos) = keep.and_then(|k| self.find_row(&k)) {
            self.selected = pos;
        }
        self.clamp();
    }

    /// Reloads everything from the store (after another session changed it), keeping the place.
    pub fn reload(&mut self) -> Result<(), StoreError> {
        let data = self.store.load(&self.plan_name)?;
        self.last_seq = self.store.last_seq()?;
        self.plan = data.plan.clone();
        self.index = TaskIndex::new(data.tasks(), &self.registry);
        self.rebuild();
        Ok(())
    }

    /// Reloads when the store has events this screen has not seen. Returns true if it did.
    pub fn sync(&mut self) -> Result<bool, StoreError> {
        if self.store.last_seq()? == self.last_seq {
            return Ok(false);
        }
        self.reload()?;
        Ok(true)
    }

    fn selection_key(&self) -> Option<String> {
        match self.view.rows.get(self.selected)? {
            Row::Group(g) => Some(format!("g:{}", self.view.groups[*g].key)),
            Row::Task { task, .. } => Some(format!("t:{}", self.index.tasks()[*task].def.id)),
        }
    }

    fn find_row(&self, key: &str) -> Option<usize> {
        self.view.rows.iter().position(|r| match r {
            Row::Group(g) => key == format!("g:{}", self.view.groups[*g].key),
            Row::Task { task, .. } => key == format!("t:{}", self.index.tasks()[*task].def.id),
        })
    }

    /// Keeps the selection and scroll inside the rows.
    pub fn clamp(&mut self) {
        let n = self.view.rows.len();
        self.selected = self.selected.min(n.saturating_sub(1));
        let page = self.page.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
        self.offset = self.offset.min(n.saturating_sub(page));
    }

    /// Tells the app how many table rows fit (the runtime calls this on resize).
    pub fn set_page(&mut self, rows: usize) {
        self.page = rows.max(1);
        self.clamp();
    }

    /// Puts a message on the status line (from outside: the connection to the server).
    pub fn notify(&mut self, tone: Tone, text: impl Into<String>) {
        self.say(tone, text);
    }

    fn say(&mut self, tone: Tone, text: impl Into<String>) {
        self.message = Some((tone, crate::domain::text::printable(&text.into(), false)));
    }

    fn index_mut(&mut self) -> &mut TaskIndex {
        &mut self.index
    }

    fn store(&self) -> &dyn PlanStore {
        self.store.as_ref()
    }
}
