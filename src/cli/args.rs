//! The command line, as clap sees it.

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

use crate::i18n::Lang;

/// steerdeck: the committee's plan, its deadlines and its review meetings, in a terminal.
#[derive(Debug, Parser)]
#[command(name = "steerdeck", version, about, long_about = None)]
pub struct Cli {
    /// The store directory [default: `$STEERDECK_DB`, else the platform data directory].
    #[arg(long, global = true, value_name = "DIR")]
    pub db: Option<PathBuf>,
    /// Review as of this date (YYYY-MM-DD) instead of today.
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Name recorded in the history [default: your login]. The login is recorded too.
    #[arg(long, global = true, value_name = "NAME")]
    pub user: Option<String>,
    /// Interface language.
    #[arg(long, global = true, value_enum, env = "STEERDECK_LANG")]
    pub lang: Option<Lang>,
    /// The time zone times are shown in, as an offset ("+07:00") [default: this computer's].
    #[arg(long, global = true, value_name = "OFFSET", env = "STEERDECK_ZONE", value_parser = parse_zone)]
    pub zone: Option<crate::domain::time::Zone>,
    /// The plan to work on [default: the active plan].
    #[arg(long, global = true, value_name = "NAME")]
    pub plan: Option<String>,
    /// Look, do not change: refuse every edit.
    #[arg(long, global = true)]
    pub read_only: bool,
    /// Keymap preset name (from keymaps/) or a keymap file.
    #[arg(long, global = true, value_name = "NAME|PATH")]
    pub keymap: Option<String>,
    /// Colours: auto (none when `NO_COLOR` is set), color (16 ANSI colours), mono (none).
    #[arg(long, global = true, value_enum, env = "STEERDECK_THEME")]
    pub theme: Option<crate::ui::ThemeName>,
    /// What to do; without a command, the interactive screen opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Output formats of `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ListFormat {
    /// Aligned columns for people.
    #[default]
    Table,
    /// An array of objects.
    Json,
    /// CSV for Excel: a UTF-8 BOM, headers in the interface language, values as words.
    Csv,
}

/// Output formats of `history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum HistoryFormat {
    /// Aligned columns.
    #[default]
    Table,
    /// An array of events.
    Json,
}

/// Output formats of `import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ImportFormat {
    /// One line of counts (with `--verbose`, the ids too).
    #[default]
    Text,
    /// The report: the ids added, changed, removed and restored, and the counts.
    Json,
}

/// Output formats of `summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum SummaryFormat {
    /// Tables for people.
    #[default]
    Table,
    /// One object with every count, codes and numbers for programs.
    Json,
}

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ExportKind {
    /// The plan with its recorded states (json, csv): what `import` reads back.
    #[default]
    Plan,
    /// The status workbook (xlsx): a summary sheet, a sheet per pillar, the meetings' tasks,
    /// the change log.
    Workbook,
    /// A meeting's conclusion notice (docx, md).
    Minutes,
    /// The progress report (md, docx); with --unit, a reminder to one unit.
    Report,
}

/// Formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The plan with its recorded states; `import` reads it back without loss.
    Json,
    /// The plan laid out like its appendix, with the recorded states, as CSV for Excel (a UTF-8
    /// BOM, headers in the interface language); `import` reads it back.
    Csv,
    /// Markdown (minutes, report).
    #[value(alias = "markdown")]
    Md,
    /// A Word document (minutes, report).
    Docx,
    /// An Excel workbook (workbook).
    Xlsx,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List tasks, filtered.
    List(ListArgs),
    /// Show one task in full, with its history.
    Show {
        /// Task id, e.g. IV.5.
        id: String,
    },
    /// Change a task's status, progress or notes.
    Set(SetArgs),
    /// Show the history of changes: of one task, or of the plan.
    History {
        /// Task id; without it, the whole plan.
        id: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: HistoryFormat,
    },
    /// Import a plan (CSV like the appendix, or steerdeck TOML/JSON); it becomes the active plan.
    Import {
        /// The file (.csv, .toml, .json).
        file: PathBuf,
        /// What to print: counts (text), or the whole report with every id (json).
        #[arg(long, value_enum, default_value_t)]
        format: ImportFormat,
        /// With the counts, the ids added, changed and removed.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Export the plan, or write a paper: the workbook, a meeting's notice, the progress report.
    Export {
        /// What to write.
        #[arg(value_enum, default_value_t)]
        kind: ExportKind,
        /// Format [default: from --out's extension, else json for the plan, xlsx for the
        /// workbook, docx for the minutes, md for the report].
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// Write to this file instead of standard output (needed for docx and xlsx).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace --out if it exists.
        #[arg(long)]
        force: bool,
        /// CSV separated by `;`, for Excel set to Vietnamese regional settings.
        #[arg(long)]
        semicolon: bool,
        /// minutes: the meeting (H1, H2 ...) [default: the latest].
        #[arg(long, value_name = "ID")]
        meeting: Option<String>,
        /// report: a reminder to this unit (its overdue and due-soon tasks, open action items).
        #[arg(long, value_name = "UNIT")]
        unit: Option<String>,
        /// report, workbook: what changed since this day [default: the last meeting before the
        /// as-of date].
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        since: Option<NaiveDate>,
    },
    /// Run the server that owns the store (--db) so that several sessions can use it at once.
    ///
    /// Sessions start one by themselves when none runs (it leaves 3 s after the last session);
    /// run it yourself under systemd for a shared store. Exit status: 0 after SIGTERM, SIGINT,
    /// SIGHUP or idle; 3 when a server already runs for the store; 4 when another process holds
    /// the store.
    Serve {
        /// Exit after this many seconds without any session connected.
        #[arg(long, value_name = "SECS")]
        idle_exit: Option<u64>,
        /// Leave a new store empty instead of seeding it with the embedded 2025 plan (to import
        /// a plan of your own first).
        #[arg(long)]
        no_seed: bool,
        /// Close a connection that sends nothing for this many seconds [default: 900]; sessions
        /// reconnect by themselves.
        #[arg(long, value_name = "SECS")]
        idle_conn: Option<u64>,
        /// Serve at most this many connections at once [default: 256]; more are refused with a
        /// sentence.
        #[arg(long, value_name = "N")]
        max_conns: Option<usize>,
    },
    /// The plan's quantitative targets: target, previous year's figure, latest value, whether
    /// met; `targets set` records a value.
    Targets {
        /// What to do; without it, the targets are listed.
        #[command(subcommand)]
        command: Option<TargetsCommand>,
    },
    /// Where the plan stands: counts per pillar and lead unit, due in 30 days, the targets.
    Summary {
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: SummaryFormat,
    },
    /// Review meetings: make one, list them, show one; its agenda, conclusions and action items.
    Meeting {
        /// What to do.
        #[command(subcommand)]
        command: MeetingCommand,
    },
    /// What changed since a date or since the last meeting (status, progress, notes, targets,
    /// action items), grouped by task.
    Changes {
        /// A date (dd/mm/yyyy or yyyy-mm-dd), or `last-meeting` (the close of the last meeting
        /// before --as-of).
        #[arg(long, value_name = "DATE|last-meeting")]
        since: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: HistoryFormat,
    },
    /// List the plans in the store; with --activate, choose the active one.
    Plans {
        /// Make this plan the active one.
        #[arg(long, value_name = "NAME")]
        activate: Option<String>,
    },
    /// Write a consistent copy of the whole store to a file (safe while the server runs).
    Backup {
        /// The backup file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Make a new store (--db, a directory without a store) from a backup file.
    Restore {
        /// A file written by `steerdeck backup`.
        file: PathBuf,
    },
    /// Check the store (--db) without changing it: every entry read, indexes cross-checked.
    Doctor,
    /// Print a shell completion script (e.g. `steerdeck completions bash > /etc/bash_completion.d/steerdeck`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `steerdeck man > steerdeck.1`.
    Man,
}

/// `targets` subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum TargetsCommand {
    /// Record a measured value of a target.
    Set {
        /// Target id, e.g. T.2.
        id: String,
        /// The value in percent: 81,5 or 81.5.
        value: String,
        /// The day it was measured at [default: --as-of].
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        measured_on: Option<NaiveDate>,
        /// Where the value comes from.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Withdraw a recorded value (number N as `targets show` lists them); it stays in the
    /// history.
    Withdraw {
        /// Target id.
        id: String,
        /// The value's number, 1 for the first recorded.
        #[arg(value_parser = parse_note_number)]
        number: u16,
    },
    /// One target with every value recorded.
    Show {
        /// Target id.
        id: String,
    },
}

/// `meeting` subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum MeetingCommand {
    /// Make a meeting, with the agenda proposed from the plan as of its date.
    New {
        /// The day it is held (dd/mm/yyyy or yyyy-mm-dd) [default: --as-of].
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// What it is [default: "Họp Ban Chỉ đạo"].
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// Who chairs it.
        #[arg(long, value_name = "NAME")]
        chair: String,
        /// Who attends; repeatable.
        #[arg(long, value_name = "NAME")]
        attendee: Vec<String>,
        /// Start with an empty agenda instead of the proposed one.
        #[arg(long)]
        no_agenda: bool,
    },
    /// List the meetings.
    List,
    /// Show a meeting: agenda, conclusions, action items, the counts kept at its close.
    Show {
        /// Meeting id, e.g. H1 [default: the latest].
        id: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: HistoryFormat,
    },
    /// Change the agenda: add, drop, or set the order of its items.
    Agenda {
        /// Meeting id.
        id: String,
        /// Add this task at the end; repeatable.
        #[arg(long, value_name = "TASK")]
        add: Vec<String>,
        /// Drop this task; repeatable.
        #[arg(long, value_name = "TASK")]
        drop: Vec<String>,
        /// The whole order, ids separated by commas (items left out are dropped).
        #[arg(long, value_name = "TASKS", value_delimiter = ',')]
        order: Vec<String>,
    },
    /// Open the meeting: status changes made while it is open are linked to it.
    Open {
        /// Meeting id.
        id: String,
    },
    /// Close the meeting: its record and the counts as of its date are kept.
    Close {
        /// Meeting id.
        id: String,
    },
    /// Reopen a closed meeting to correct its record (recorded in the history).
    Reopen {
        /// Meeting id.
        id: String,
    },
    /// Record the committee's conclusion on an agenda item (empty text removes it).
    Conclude {
        /// Meeting id.
        id: String,
        /// The agenda item's task id.
        task: String,
        /// The conclusion.
        text: String,
    },
    /// Assign a task at the meeting (an action item, tracked like the plan's tasks).
    Assign {
        /// Meeting id.
        id: String,
        /// What is to be done.
        title: String,
        /// The agenda item it is assigned under.
        #[arg(long, value_name = "TASK")]
        about: Option<String>,
        /// Lead unit; repeatable.
        #[arg(long, value_name = "UNIT")]
        lead: Vec<String>,
        /// Supporting unit; repeatable.
        #[arg(long, value_name = "UNIT")]
        support: Vec<String>,
        /// The deadline as people write it: "Quý III/2025", "Trước 30/9/2025", "Tháng 8/2025".
        #[arg(long, value_name = "TEXT")]
        deadline: String,
    },
}

/// What `list` shows.
#[derive(Debug, Clone, clap::Args)]
pub struct ListArgs {
    /// Only this pillar: its key (`data`), Roman numeral (`IV`) or name, accents optional
    /// ("du lieu so"); repeatable.
    #[arg(long, value_name = "KEY")]
    pub pillar: Vec<String>,
    /// Only this status; repeatable.
    #[arg(long, value_name = "STATUS")]
    pub status: Vec<crate::domain::Status>,
    /// Only tasks led by this unit (any spelling, with or without diacritics).
    #[arg(long, value_name = "UNIT")]
    pub lead: Option<String>,
    /// Only tasks open past their deadline.
    #[arg(long)]
    pub overdue: bool,
    /// Only open tasks due on or before this date.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub due_by: Option<NaiveDate>,
    /// Only tasks due in this quarter (e.g. 2025-Q2, "Quý II/2025").
    #[arg(long, value_name = "QUARTER")]
    pub quarter: Option<String>,
    /// Words of the funding source (e.g. "ngan sach").
    #[arg(long, value_name = "TEXT")]
    pub funding: Option<String>,
    /// Fuzzy search over id, title, units and notes, without diacritics if you like.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: ListFormat,
    /// CSV separated by `;`, for Excel set to Vietnamese regional settings.
    #[arg(long)]
    pub semicolon: bool,
}

/// What `set` changes.
#[derive(Debug, Clone, clap::Args)]
pub struct SetArgs {
    /// Task id, e.g. IV.5.
    pub id: String,
    /// New status: not-started, in-progress, blocked, done, cancelled.
    #[arg(long)]
    pub status: Option<crate::domain::Status>,
    /// New progress, 0-100.
    #[arg(long, value_parser = parse_percent)]
    pub progress: Option<u8>,
    /// A note or a conclusion to record.
    #[arg(long)]
    pub note: Option<String>,
    /// With --status done: the day it was done [default: the as-of date; not after it].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub done_on: Option<NaiveDate>,
    /// Withdraw note number N (as `show` numbers them); with --note, the new text corrects it.
    /// The original stays in the history.
    #[arg(long, value_name = "N", value_parser = parse_note_number)]
    pub withdraw_note: Option<u16>,
    /// Change nothing unless the task's status is this one now (for scripts: a conflict, exit 1).
    #[arg(long, value_name = "STATUS")]
    pub if_status: Option<crate::domain::Status>,
    /// Change nothing unless the task's progress is this now (for scripts: a conflict, exit 1).
    #[arg(long, value_name = "N", value_parser = parse_percent)]
    pub if_progress: Option<u8>,
}

/// A value the command line refuses, with the value as written; said in either language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadValue {
    #[error("'{0}' is not a time zone offset; write it as +07:00")]
    Zone(String),
    #[error("'{0}' is not a date; write it as dd/mm/yyyy or YYYY-MM-DD (e.g. 30/06/2025)")]
    Date(String),
    #[error("{0} is not in 0..=100")]
    Percent(String),
    #[error("{0} is not a note number (1, 2, 3...)")]
    NoteNumber(String),
}

impl BadValue {
    /// The sentence in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, e) => e.to_string(),
            (Lang::Vi, BadValue::Zone(t)) => {
                format!("'{t}' không phải là một độ lệch múi giờ; hãy viết theo dạng +07:00")
            }
            (Lang::Vi, BadValue::Date(t)) => format!(
                "'{t}' không phải là một ngày; hãy viết dd/mm/yyyy hoặc YYYY-MM-DD (ví dụ 30/06/2025)"
            ),
            (Lang::Vi, BadValue::Percent(t)) => {
                format!("'{t}' không phải là một số từ 0 đến 100")
            }
            (Lang::Vi, BadValue::NoteNumber(t)) => {
                format!("'{t}' không phải là số thứ tự của một ghi chú (1, 2, 3...)")
            }
        }
    }
}

/// Parses a time zone offset such as "+07:00".
pub fn parse_zone(text: &str) -> Result<crate::domain::time::Zone, BadValue> {
    crate::domain::time::Zone::parse(text).ok_or_else(|| BadValue::Zone(text.to_string()))
}

/// Parses a day: YYYY-MM-DD, or dd/mm/yyyy as Vietnamese users write it.
pub fn parse_date(text: &str) -> Result<NaiveDate, BadValue> {
    crate::domain::day::parse_day(text).ok_or_else(|| BadValue::Date(text.to_string()))
}

/// Parses a progress, 0 to 100.
pub fn parse_percent(text: &str) -> Result<u8, BadValue> {
    text.parse::<u8>()
        .ok()
        .filter(|p| *p <= 100)
        .ok_or_else(|| BadValue::Percent(text.to_string()))
}

/// Parses a note number as `show` numbers them: 1, 2, 3...
pub fn parse_note_number(text: &str) -> Result<u16, BadValue> {
    text.parse::<u16>()
        .ok()
        .filter(|n| *n >= 1)
        .ok_or_else(|| BadValue::NoteNumber(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_values_are_said_in_both_languages() {
        let e = parse_date("31/02/2025").expect_err("no such day");
        assert_eq!(
            e.in_lang(Lang::Vi),
            "'31/02/2025' không phải là một ngày; hãy viết dd/mm/yyyy hoặc YYYY-MM-DD (ví dụ 30/06/2025)"
        );
        assert!(
            e.in_lang(Lang::En)
                .starts_with("'31/02/2025' is not a date")
        );
        let e = parse_zone("ICT").expect_err("not an offset");
        assert!(e.in_lang(Lang::Vi).contains("múi giờ"));
        assert!(e.in_lang(Lang::En).contains("time zone"));
    }

    #[test]
    fn percents_and_note_numbers() {
        assert_eq!(parse_percent("0"), Ok(0));
        assert_eq!(parse_percent("100"), Ok(100));
        assert_eq!(parse_percent("101"), Err(BadValue::Percent("101".into())));
        assert_eq!(parse_percent("-1"), Err(BadValue::Percent("-1".into())));
        assert_eq!(parse_note_number("1"), Ok(1));
        assert_eq!(
            parse_note_number("0"),
            Err(BadValue::NoteNumber("0".into()))
        );
        assert_eq!(
            BadValue::Percent("120".into()).to_string(),
            "120 is not in 0..=100"
        );
    }
}
