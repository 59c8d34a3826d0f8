//! Application state and behaviour. `App` is changed only through [`App::update`] (actions from
//! the keymap) and the text-entry methods; rendering reads it and never changes it.

mod agenda;
mod changes;
mod dashboard;
mod edit;
mod export_menu;
pub mod input;
mod meeting;
mod meeting_forms;
pub mod menu;
pub mod targets;
mod update;
pub mod view;

use chrono::NaiveDate;
use ratatui_textarea::TextArea;
use std::collections::{BTreeMap, HashSet};

pub use crate::action::{Action, Mode};
pub use dashboard::{Dashboard, Line as DashLine, Section};
pub use edit::{Edit, Fields};
pub use input::{TextInput, TextKey};
pub use meeting_forms::NEW_FIELDS;
pub use menu::FilterMenu;
pub use view::{Grouping, Row, View};

use crate::domain::time::Zone;
use crate::domain::{Event, Plan, Task, UnitRegistry};
use crate::i18n::{Lang, Msg};
use crate::keymap::Keymap;
use crate::query::{Filter, Query, TaskIndex};
use crate::store::{Actor, Joined, PlanStore, StoreError};

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

/// Everything the screen shows and the user can change. Every field is private: the state changes
/// only through [`App::update`] and the text-entry methods; drawing reads it through accessors.
#[allow(clippy::struct_excessive_bools)] // independent flags of the screen, not a state machine
pub struct App {
    store: Box<dyn PlanStore>,
    /// Who edits, as of when, in which language, with which keys: as the session started, except
    /// the language, which the user can switch.
    cfg: AppConfig,
    /// The plan definition.
    plan: Plan,
    /// The plan's meetings and targets' readings (the action items are among the tasks).
    desk: crate::domain::Desk,
    index: TaskIndex,
    /// Active filters.
    filter: Filter,
    /// The search being typed or kept.
    search: TextInput,
    query: Query,
    /// Current grouping.
    grouping: Grouping,
    folded: HashSet<String>,
    /// The rows on screen.
    view: View,
    /// Selected row.
    selected: usize,
    /// First row drawn.
    offset: usize,
    /// Table rows that fit on screen (set by the runtime from the terminal size).
    page: usize,
    /// Current mode.
    mode: Mode,
    /// Where a popup returns to (the table or the detail).
    popup_return: Mode,
    /// The status picker's highlighted status.
    status_cursor: usize,
    /// The progress being typed.
    progress_input: TextInput,
    /// The note being written.
    note: TextArea<'static>,
    /// The task the note draft belongs to.
    note_task: Option<String>,
    /// Help screen state.
    help: HelpState,
    /// Filter menu state.
    menu: FilterMenu,
    /// Detail scroll.
    detail_scroll: u16,
    /// The status line.
    message: Option<(Tone, String)>,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// The newest history event this screen has seen.
    last_seq: u64,
    /// Set when the user asked to leave.
    quit: bool,
    /// Keys typed in one burst are being handled (see [`App::begin_burst`]).
    batching: bool,
    /// The search text changed during the burst; the rows are filtered at its end.
    search_pending: bool,
    /// What the open picker showed when it opened (a save is refused if it changed since).
    seen: Option<edit::Seen>,
    /// The day being typed for a task marked done.
    done_input: TextInput,
    /// True while the value a popup opened with has not been edited: typing replaces it.
    replace_on_type: bool,
    /// The note the open editor corrects (an index into the task's notes), if any.
    note_correcting: Option<usize>,
    /// Note drafts kept by task (`I.2`, or `I.2#3` for a correction of note 3).
    drafts: BTreeMap<String, String>,
    /// Set when a draft was kept or dropped since the runtime last saved them.
    drafts_changed: bool,
    /// The selected note in the detail (an index into the task's notes).
    note_cursor: Option<usize>,
    /// The history of the task shown in the detail, read when it is shown: never while drawing.
    history: Option<(String, Result<Vec<Event>, String>)>,
    /// The terminal is smaller than the screen needs: only quitting works.
    too_small: bool,
    /// The words typed in the lead unit picker.
    unit_query: TextInput,
    /// The highlighted line of the lead unit picker.
    unit_cursor: usize,
    /// The grouping before a search switched to [`Grouping::Ranked`], back when it is cleared.
    grouping_before_search: Option<Grouping>,
    /// The dashboard, counted when the data changes.
    dash: Dashboard,
    /// The data changed since the dashboard was counted.
    dash_stale: bool,
    /// The meetings and the meeting screen.
    meet: meeting::MeetingView,
    /// The form recording a target's value.
    target_form: targets::TargetForm,
    /// The papers menu: the chosen line and where files go.
    export: export_menu::ExportMenu,
}

/// The smallest terminal that can show the plan usefully.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal height.
pub const MIN_HEIGHT: u16 = 12;
/// Lines used above and below the table (header, column titles, status line, hint bar).
pub const CHROME: u16 = 5;

/// What an App needs to start.
pub struct AppConfig {
    /// Who edits (what the history records).
    pub actor: Actor,
    /// The review date.
    pub as_of: NaiveDate,
    /// The interface language to start in.
    pub lang: Lang,
    /// Refuse every edit.
    pub read_only: bool,
    /// Key bindings.
    pub keymap: Keymap,
    /// Units and their spellings.
    pub registry: UnitRegistry,
    /// The plan's name in the store.
    pub plan_name: String,
    /// The zone times are shown in.
    pub zone: Zone,
}

impl App {
    /// Loads the plan from the store and builds the first view.
    pub fn new(store: Box<dyn PlanStore>, cfg: AppConfig) -> Result<Self, StoreError> {
        // The sequence number first: a change committed between the two is then seen again
        // (and reloaded), never taken as seen while missing from the plan.
        let last_seq = store.last_seq()?;
        // The tasks move into the index; `plan` keeps the rest (pillars, year), not a second copy.
        let Joined { plan, tasks, desk } = store.load_joined(&cfg.plan_name)?;
        let index = TaskIndex::new(tasks, &cfg.registry);
        // Counted when first shown (see `refresh_dashboard`).
        let dash = Dashboard::new(&plan, &[], &cfg.registry, cfg.as_of, &desk);
        let mut app = App {
            store,
            cfg,
            plan,
            desk,
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
            batching: false,
            search_pending: false,
            seen: None,
            done_input: TextInput::default(),
            replace_on_type: false,
            note_correcting: None,
            drafts: BTreeMap::new(),
            drafts_changed: false,
            note_cursor: None,
            history: None,
            too_small: false,
            unit_query: TextInput::default(),
            unit_cursor: 0,
            grouping_before_search: None,
            dash,
            dash_stale: true,
            meet: meeting::MeetingView::default(),
            target_form: targets::TargetForm::default(),
            export: export_menu::ExportMenu::default(),
        };
        app.load_desk(None);
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
        if self.on_meeting() {
            return self.agenda_task();
        }
        match self.view.rows.get(self.selected) {
            Some(Row::Task { task, .. }) => self.index.tasks().get(*task),
            _ => None,
        }
    }

    /// True when the detail of the selected task is on screen (also under a popup or help).
    fn detail_shown(&self) -> bool {
        let under = match self.mode {
            Mode::Help => self.help.mode.unwrap_or(Mode::Normal),
            m => m,
        };
        under == Mode::Detail
            || self.on_meeting()
            || (matches!(
                under,
                Mode::Status | Mode::Progress | Mode::DoneOn | Mode::Note | Mode::Withdraw
            ) && self.popup_return == Mode::Detail)
    }

    /// Reads the history of the task the detail shows, once per task shown (again after a
    /// change): drawing never asks the store. A store that cannot answer is said in the detail.
    fn ensure_history(&mut self) {
        if !self.detail_shown() {
            return;
        }
        let Some(id) = self.selected_task().map(|t| t.def.id.clone()) else {
            return;
        };
        if self.history.as_ref().is_some_and(|(h, _)| *h == id) {
            return;
        }
        let events = self
            .store
            .history(&self.cfg.plan_name, Some(&id))
            .map_err(|e| crate::i18n::errors::store(self.cfg.lang, &e));
        self.history = Some((id, events));
    }

    /// The history of the task the detail shows, oldest first; an error sentence when the
    /// store could not give it.
    pub fn detail_history(&self) -> Option<Result<&[Event], &str>> {
        let (id, events) = self.history.as_ref()?;
        let shown = self.selected_task().is_some_and(|t| t.def.id == *id);
        shown.then(|| events.as_deref().map_err(String::as_str))
    }

    /// Selects a task's row, unfolding its group, and clearing the filters and search only if
    /// they hide it. Returns false when filters had to be cleared.
    fn reveal(&mut self, id: &str) -> bool {
        let find = |app: &App| {
            app.view.rows.iter().position(
                |r| matches!(r, Row::Task { task, .. } if app.index.tasks()[*task].def.id == id),
            )
        };
        if find(self).is_none() {
            self.folded.clear();
            self.rebuild();
        }
        let mut kept = true;
        if find(self).is_none() {
            self.filter = Filter::default();
            self.search.clear();
            self.query = Query::new("");
            self.search_grouping(false);
            self.rebuild();
            kept = false;
        }
        if let Some(pos) = find(self) {
            self.selected = pos;
            self.clamp();
        }
        kept
    }

    /// The newest note of the selected task that stands.
    fn last_current_note(&self) -> Option<usize> {
        self.selected_task()?
            .state
            .current_notes()
            .last()
            .map(|(i, _)| i)
    }

    /// Re-applies filter, search and grouping, keeping the selection on the same task or group.
    pub fn rebuild(&mut self) {
        let keep = self.selection_key();
        let selected = self
            .index
            .select(
                &self.filter,
                &self.query,
                &self.cfg.registry,
                self.cfg.as_of,
            )
            .unwrap_or_else(|e| {
                // A defect; said on every search so the user knows an empty list is not an answer.
                let text = format!(
                    "{} ({})",
                    self.cfg.lang.t(Msg::SearchUnavailable),
                    e.cause()
                );
                self.say(Tone::Error, text);
                Vec::new()
            });
        self.view = view::build(&view::ViewInput {
            plan: &self.plan,
            tasks: self.index.tasks(),
            selected: &selected,
            grouping: self.grouping,
            folded: &self.folded,
            registry: &self.cfg.registry,
            as_of: self.cfg.as_of,
            lang: self.cfg.lang,
        });
        if let Some(pos) = keep.and_then(|k| self.find_row(&k)) {
            self.selected = pos;
        }
        self.clamp();
    }

    /// Reloads everything from the store (after another session changed it), keeping the place.
    pub fn reload(&mut self) -> Result<(), StoreError> {
        // The sequence number first (see `App::new`).
        let last_seq = self.store.last_seq()?;
        let Joined { plan, tasks, desk } = self.store.load_joined(&self.cfg.plan_name)?;
        let item = self.agenda_task().map(|t| t.def.id.clone());
        self.last_seq = last_seq;
        self.desk = desk;
        self.plan = plan;
        self.index = TaskIndex::new(tasks, &self.cfg.registry);
        self.load_desk(item);
        self.history = None;
        self.refresh_dashboard();
        self.rebuild();
        self.ensure_history();
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

    /// Tells the app how many table rows fit.
    pub fn set_page(&mut self, rows: usize) {
        self.page = rows.max(1);
        self.clamp();
    }

    /// Tells the app the terminal's size (the runtime calls this at start and on resize): how
    /// many table rows fit, and whether the screen fits at all. While it does not, only
    /// quitting works.
    pub fn set_size(&mut self, width: u16, height: u16) {
        self.too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
        self.set_page(usize::from(height.saturating_sub(CHROME)));
    }

    /// Note drafts kept from an earlier session (the runtime reads them from disk).
    #[must_use]
    pub fn with_drafts(mut self, drafts: BTreeMap<String, String>) -> Self {
        self.drafts = drafts;
        self
    }

    /// A frame was drawn: the search index may now be built in the background (see
    /// [`TaskIndex::start_building`]).
    pub fn drawn(&mut self) {
        self.index.start_building();
    }

    /// The note drafts, when they changed since the last call (for the runtime to save).
    pub fn take_changed_drafts(&mut self) -> Option<&BTreeMap<String, String>> {
        std::mem::take(&mut self.drafts_changed).then_some(&self.drafts)
    }

    /// Puts a message on the status line (from outside: the connection to the server).
    pub fn notify(&mut self, tone: Tone, text: impl Into<String>) {
        self.say(tone, text);
    }

    fn say(&mut self, tone: Tone, text: impl Into<String>) {
        self.message = Some((tone, crate::domain::text::printable(&text.into(), false)));
    }
}

/// Read access for drawing and tests; nothing here changes the state.
impl App {
    /// Who edits.
    pub fn actor(&self) -> &Actor {
        &self.cfg.actor
    }
    /// The review date.
    pub fn as_of(&self) -> NaiveDate {
        self.cfg.as_of
    }
    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.cfg.lang
    }
    /// True when every edit is refused.
    pub fn read_only(&self) -> bool {
        self.cfg.read_only
    }
    /// Key bindings.
    pub fn keymap(&self) -> &Keymap {
        &self.cfg.keymap
    }
    /// Units and their spellings.
    pub fn registry(&self) -> &UnitRegistry {
        &self.cfg.registry
    }
    /// The plan's name in the store.
    pub fn plan_name(&self) -> &str {
        &self.cfg.plan_name
    }
    /// The plan definition.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }
    /// The plan's meetings and targets' readings.
    pub fn desk(&self) -> &crate::domain::Desk {
        &self.desk
    }
    /// The form recording a target's value.
    pub fn target_form(&self) -> &targets::TargetForm {
        &self.target_form
    }
    /// Active filters.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }
    /// The search being typed or kept.
    pub fn search(&self) -> &TextInput {
        &self.search
    }
    /// Current grouping.
    pub fn grouping(&self) -> Grouping {
        self.grouping
    }
    /// The rows on screen.
    pub fn view(&self) -> &View {
        &self.view
    }
    /// The selected row.
    pub fn selected(&self) -> usize {
        self.selected
    }
    /// The first row drawn.
    pub fn offset(&self) -> usize {
        self.offset
    }
    /// Table rows that fit on screen.
    pub fn page(&self) -> usize {
        self.page
    }
    /// The current mode.
    pub fn mode(&self) -> Mode {
        self.mode
    }
    /// Where the open popup returns to.
    pub fn popup_return(&self) -> Mode {
        self.popup_return
    }
    /// The status picker's highlighted line.
    pub fn status_cursor(&self) -> usize {
        self.status_cursor
    }
    /// The progress being typed.
    pub fn progress_input(&self) -> &TextInput {
        &self.progress_input
    }
    /// The note being written.
    pub fn note(&self) -> &TextArea<'static> {
        &self.note
    }
    /// The task the note being written belongs to.
    pub fn note_task(&self) -> Option<&str> {
        self.note_task.as_deref()
    }
    /// The help screen's state.
    pub fn help(&self) -> &HelpState {
        &self.help
    }
    /// The filter menu's cursor.
    pub fn menu(&self) -> &FilterMenu {
        &self.menu
    }
    /// How far the detail is scrolled.
    pub fn detail_scroll(&self) -> u16 {
        self.detail_scroll
    }
    /// The status line's message.
    pub fn message(&self) -> Option<&(Tone, String)> {
        self.message.as_ref()
    }
    /// The newest history event this screen has seen.
    pub fn last_seq(&self) -> u64 {
        self.last_seq
    }
    /// True once the user asked to leave.
    pub fn wants_to_quit(&self) -> bool {
        self.quit
    }
    /// The zone times are shown in.
    pub fn zone(&self) -> Zone {
        self.cfg.zone
    }
    /// The day being typed for a task marked done.
    pub fn done_input(&self) -> &TextInput {
        &self.done_input
    }
    /// The note drafts kept, by task.
    pub fn drafts(&self) -> &BTreeMap<String, String> {
        &self.drafts
    }
    /// The selected note of the detail.
    pub fn note_cursor(&self) -> Option<usize> {
        self.note_cursor
    }
    /// The note the open editor corrects.
    pub fn note_correcting(&self) -> Option<usize> {
        self.note_correcting
    }
    /// True while the terminal is too small for the screen.
    pub fn too_small(&self) -> bool {
        self.too_small
    }
    /// The words typed in the lead unit picker.
    pub fn unit_query(&self) -> &TextInput {
        &self.unit_query
    }
    /// The highlighted line of the lead unit picker.
    pub fn unit_cursor(&self) -> usize {
        self.unit_cursor
    }
    /// The lead unit picker's list for the words typed (`None` is "all units").
    pub fn unit_choices(&self) -> Vec<Option<&crate::domain::Unit>> {
        menu::unit_choices(&self.cfg.registry, self.tasks(), self.unit_query.text())
    }
}

#[cfg(test)]
mod invariants;
