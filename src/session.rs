//! What every command and the TUI start from: the store, who is acting, as of when, in which
//! language, on which plan.

use chrono::{Local, NaiveDate};
use std::path::{Path, PathBuf};

use crate::domain::time::Zone;
use crate::domain::{BrokenRegistry, UnitRegistry};
use crate::i18n::Lang;
use crate::identity::{actor, os_login};
use crate::plan::PlanFileError;
use crate::store::{Actor, PlanStore, SledStore, StoreError, seed_if_empty};

/// Why a session could not start.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the embedded plan is broken: {0}")]
    Embedded(#[from] PlanFileError),
    #[error(transparent)]
    Registry(#[from] BrokenRegistry),
    #[error(
        "no store directory: give --db DIR or set STEERDECK_DB (the platform data directory is unknown here)"
    )]
    NoDbDir,
    #[error(
        "there is no store at {path} (given by {given_by}): the directory does not exist. Check the path; to start a new store there on purpose, create the empty directory first (mkdir -p {path}) and run steerdeck again"
    )]
    NoStoreThere {
        path: String,
        given_by: &'static str,
    },
    #[error("{path} (given by {given_by}) is a file, not a store directory")]
    NotADirectory {
        path: String,
        given_by: &'static str,
    },
    #[error(
        "{path} (given by {given_by}) is not a steerdeck store: the directory holds other files. Give the store's directory, or an empty directory for a new store"
    )]
    NotAStore {
        path: String,
        given_by: &'static str,
    },
    #[error("cannot read the store directory {path}: {source}")]
    StoreUnreadable {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl SessionError {
    /// The sentence in the interface language.
    pub fn in_lang(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            SessionError::Store(e) => crate::i18n::errors::store(lang, e),
            SessionError::Embedded(e) => e.in_lang(lang),
            SessionError::NoStoreThere { path, given_by } => format!(
                "không có kho dữ liệu tại {path} (theo {given_by}): thư mục này không tồn tại. Hãy kiểm tra lại đường dẫn; nếu muốn tạo kho mới ở đó, hãy tạo thư mục trống trước (mkdir -p {path}) rồi chạy lại steerdeck"
            ),
            SessionError::NotADirectory { path, given_by } => {
                format!("{path} (theo {given_by}) là một tệp, không phải thư mục kho dữ liệu")
            }
            SessionError::NotAStore { path, given_by } => format!(
                "{path} (theo {given_by}) không phải kho dữ liệu steerdeck: thư mục chứa các tệp khác. Hãy chỉ đúng thư mục kho, hoặc một thư mục trống để tạo kho mới"
            ),
            SessionError::StoreUnreadable { path, source } => {
                format!("không đọc được thư mục kho dữ liệu {path}: {source}")
            }
            SessionError::NoDbDir => "không xác định được thư mục kho dữ liệu: hãy dùng --db THƯ_MỤC hoặc đặt biến STEERDECK_DB".into(),
            other @ SessionError::Registry(_) => other.to_string(),
        }
    }
}

/// The store directory: `--db`, else `$STEERDECK_DB`, else the platform data directory.
///
/// A directory named by `--db` or `STEERDECK_DB` must exist: a mistyped path is refused with a
/// sentence saying how to make a store on purpose, never silently made into a new, empty store
/// (the secretariat's data would look gone). An existing empty directory becomes a store. The
/// default store, under the platform data directory, is created on first run.
pub fn db_dir(flag: Option<&Path>) -> Result<PathBuf, SessionError> {
    if let Some(p) = flag {
        check_named_store(p, "--db")?;
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("STEERDECK_DB").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        check_named_store(&p, "STEERDECK_DB")?;
        return Ok(p);
    }
    let dir = directories::ProjectDirs::from("", "", "steerdeck")
        .map(|d| d.data_dir().join("store"))
        .ok_or(SessionError::NoDbDir)?;
    // The default store is made on first run (readable by its owner only): the server started
    // for it is then given a directory that exists, as any named store must.
    if !dir.exists() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder
            .create(&dir)
            .map_err(|e| SessionError::StoreUnreadable {
                path: dir.display().to_string(),
                source: e,
            })?;
    }
    Ok(dir)
}

/// A store directory someone named: it exists, is a directory, and is empty or a store.
fn check_named_store(path: &Path, given_by: &'static str) -> Result<(), SessionError> {
    let shown = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(SessionError::NoStoreThere {
                path: shown,
                given_by,
            });
        }
        Err(e) => {
            return Err(SessionError::StoreUnreadable {
                path: shown,
                source: e,
            });
        }
    };
    if !meta.is_dir() {
        return Err(SessionError::NotADirectory {
            path: shown,
            given_by,
        });
    }
    let entries = std::fs::read_dir(path).map_err(|e| SessionError::StoreUnreadable {
        path: shown.clone(),
        source: e,
    })?;
    // Empty but for steerdeck's own files (a lock, a log, a creation that was interrupted).
    // A store holds sled's files (conf, db, blobs/, snap.*); another session may be creating
    // them right now, so any one of them will do. A directory holding other things is not a
    // store.
    let mut empty = true;
    let mut is_store = false;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if crate::store::disk::is_own_file(&name) {
            continue;
        }
        empty = false;
        if matches!(name.as_ref(), "conf" | "db" | "blobs") || name.starts_with("snap.") {
            is_store = true;
            break;
        }
    }
    if empty || is_store {
        Ok(())
    } else {
        Err(SessionError::NotAStore {
            path: shown,
            given_by,
        })
    }
}

/// A started session.
pub struct Session {
    /// The store.
    pub store: Box<dyn PlanStore>,
    /// Who is acting.
    pub actor: Actor,
    /// The review date.
    pub as_of: NaiveDate,
    /// Interface language.
    pub lang: Lang,
    /// The unit registry.
    pub registry: UnitRegistry,
    /// The zone times are shown in.
    pub zone: Zone,
}

impl Session {
    /// Opens the store at `dir` through its server (`steerdeck serve`), starting one when none
    /// runs, so that any number of sessions can use the store at once. The server seeds a new
    /// store with the embedded plan. `actor` is what the server records: the login it sees,
    /// with `user` next to it.
    #[cfg(target_os = "linux")]
    pub fn open(
        dir: &Path,
        user: Option<&str>,
        as_of: Option<NaiveDate>,
        lang: Lang,
    ) -> Result<Self, SessionError> {
        let store = crate::server::connect_or_start(dir, user, lang)?;
        let actor = store.actor();
        Self::assemble(Box::new(store), actor, as_of, lang)
    }

    /// Opens the store at `dir` in this process (no server on this platform).
    #[cfg(not(target_os = "linux"))]
    pub fn open(
        dir: &Path,
        user: Option<&str>,
        as_of: Option<NaiveDate>,
        lang: Lang,
    ) -> Result<Self, SessionError> {
        Self::open_direct(dir, user, as_of, lang)
    }

    /// Opens the store at `dir` in this process, seeding it with the embedded plan on first use.
    /// Only one process can do this at a time: this is for the server itself and for tests.
    pub fn open_direct(
        dir: &Path,
        user: Option<&str>,
        as_of: Option<NaiveDate>,
        lang: Lang,
    ) -> Result<Self, SessionError> {
        let actor = actor(user, &os_login());
        let plan = crate::plan::embedded()?;
        // A new store is seeded before it is moved into place (see `SledStore::open_with`).
        let seed = |s: &SledStore| seed_if_empty(s, &actor, plan.clone()).map(|_| ());
        let store = SledStore::open_with(dir, crate::store::system_clock(), Some(&seed))?;
        Self::with_store(Box::new(store), user, as_of, lang)
    }

    /// A session on a given store (the in-memory one in tests).
    pub fn with_store(
        store: Box<dyn PlanStore>,
        user: Option<&str>,
        as_of: Option<NaiveDate>,
        lang: Lang,
    ) -> Result<Self, SessionError> {
        let actor = actor(user, &os_login());
        seed_if_empty(store.as_ref(), &actor, crate::plan::embedded()?)?;
        Self::assemble(store, actor, as_of, lang)
    }

    fn assemble(
        store: Box<dyn PlanStore>,
        actor: Actor,
        as_of: Option<NaiveDate>,
        lang: Lang,
    ) -> Result<Self, SessionError> {
        Ok(Session {
            store,
            actor,
            as_of: as_of.unwrap_or_else(|| Local::now().date_naive()),
            lang,
            registry: UnitRegistry::embedded()?,
            zone: Zone::default(),
        })
    }

    /// The plan to work on: the one named, else the active one.
    pub fn plan_name(&self, flag: Option<&str>) -> Result<String, StoreError> {
        match flag {
            Some(p) => Ok(p.to_string()),
            None => crate::store::active_or_err(self.store.as_ref()),
        }
    }
}
