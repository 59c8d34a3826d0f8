//! The layer list in `src/lib.rs` stays true: every file of `src/` is read (up to its test
//! module), the `crate::<module>` paths it uses are collected, and a module that imports one its
//! layer may not fails the test, naming the file.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Any module may be imported (the command line sits on top of everything).
const ANY: &[&str] = &["*"];

/// What each top-level module of `src/` may import (`crate::<module>`) outside its tests: the
/// layer list of `src/lib.rs`'s `//!` doc, as data. Keep the two in step. A module lists only
/// modules above it in this table, so the layers cannot form a cycle.
///
/// Adding a module: declare it in `src/lib.rs`, describe its layer in the `//!` list there, and
/// add a line here, below every module it imports.
const LAYERS: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("action", &["domain"]),
    // `query` may use `plan` in its tests only (the embedded plan as test data).
    ("query", &["domain"]),
    // A store answers `show` and `list` itself (the server from the plans it keeps), with the
    // same index and filters the screen uses.
    ("store", &["domain", "query"]),
    // `i18n` words the store's errors (a refused edit, a missing task) in either language.
    ("i18n", &["domain", "action", "store"]),
    ("identity", &["domain", "store"]),
    // `file_error` says where a file is wrong in either language.
    ("file_error", &["domain", "i18n"]),
    // `plan` reads statuses written as words (a CSV export) in either language.
    ("plan", &["domain", "file_error", "i18n"]),
    ("export", &["domain", "query", "store", "i18n", "plan"]),
    ("keymap", &["action", "domain", "file_error", "i18n"]),
    ("config", &["domain", "i18n", "file_error"]),
    (
        "server",
        &[
            "domain", "plan", "store", "identity", "i18n", "query", "export",
        ],
    ),
    (
        "session",
        &[
            "domain", "plan", "store", "identity", "i18n", "query", "export", "server",
        ],
    ),
    (
        "app",
        &[
            "domain", "query", "store", "keymap", "i18n", "action", "export", "plan", "config",
        ],
    ),
    (
        "ui",
        &["app", "action", "domain", "i18n", "query", "keymap"],
    ),
    ("tui", &["app", "ui", "keymap", "server", "action", "i18n"]),
    ("cli", ANY),
];

/// Imports that ran the wrong way once (issue "Layers that point one way"): no text of these
/// directories, tests and comments included, may contain the string.
const NEVER: &[(&str, &str)] = &[
    ("src/keymap", "crate::app"),
    ("src/i18n", "crate::app"),
    ("src/server", "crate::session"),
    ("src/ui", "crate::cli"),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn allowed(module: &str) -> Option<&'static [&'static str]> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, a)| *a)
}

fn add_it(module: &str) -> String {
    format!(
        "module `{module}` is not in the layer table: add it to src/lib.rs (its `//!` layer \
         list) and to LAYERS in tests/layers.rs, with the modules it may import"
    )
}

#[test]
fn every_module_imports_only_what_its_layer_may() {
    let mut problems = Vec::new();
    for file in source_files() {
        let Some(module) = file.module.first() else {
            continue;
        };
        let Some(may) = allowed(module) else {
            problems.push(format!("{}: {}", file.name, add_it(module)));
            continue;
        };
        for used in &file.uses {
            if used == module || may == ANY {
                continue;
            }
            if allowed(used).is_none() {
                problems.push(format!(
                    "{}: uses crate::{used}; {}",
                    file.name,
                    add_it(used)
                ));
            } else if !may.contains(&used.as_str()) {
                problems.push(format!(
                    "{}: `{module}` imports crate::{used}, which its layer may not (it may \
                     import: {}); move the code, or change the layers in src/lib.rs and \
                     tests/layers.rs together, with the reason",
                    file.name,
                    shown(may)
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn the_table_is_layered_and_names_every_module_of_lib_rs() {
    for (i, (module, may)) in LAYERS.iter().enumerate() {
        let above: Vec<&str> = LAYERS[..i].iter().map(|(m, _)| *m).collect();
        for dep in may.iter().filter(|d| **d != "*") {
            assert!(
                above.contains(dep),
                "LAYERS: `{module}` may import `{dep}`, which is not above it in the table"
            );
        }
    }
    let lib = fs::read_to_string(src().join("lib.rs")).expect("src/lib.rs");
    let declared: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').trim().to_string())
        .collect();
    let tabled: BTreeSet<String> = LAYERS.iter().map(|(m, _)| (*m).to_string()).collect();
    let untabled: Vec<String> = declared.difference(&tabled).map(|m| add_it(m)).collect();
    assert!(
        untabled.is_empty(),
        "src/lib.rs declares {}",
        untabled.join("; ")
    );
    let undeclared: Vec<&String> = tabled.difference(&declared).collect();
    assert!(
        undeclared.is_empty(),
        "LAYERS in tests/layers.rs names {undeclared:?}, which src/lib.rs does not declare"
    );
    let doc: String = lib
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .collect::<Vec<_>>()
        .join("\n");
    for m in &declared {
        assert!(
            doc.contains(&format!("`{m}`")),
            "src/lib.rs's `//!` layer list does not name `{m}`: say what it owns and what it uses"
        );
    }
}

#[test]
fn the_imports_that_once_ran_the_wrong_way_stay_gone() {
    for (dir, needle) in NEVER {
        for path in rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)) {
            let text = fs::read_to_string(&path).expect("source file");
            for (n, line) in text.lines().enumerate() {
                assert!(
                    !line.contains(needle),
                    "{}:{}: {dir} must not use {needle}: {line}",
                    path.display(),
                    n + 1
                );
            }
        }
    }
}

fn shown(may: &[&str]) -> String {
    if may.is_empty() {
        "nothing".to_string()
    } else {
        may.join(", ")
    }
}

/// One file of `src/`, its module path, and the top-level modules it uses.
struct SourceFile {
    name: String,
    module: Vec<String>,
    uses: BTreeSet<String>,
}

/// Every `.rs` file of `src/` but the crate roots and the files that are test modules.
fn source_files() -> Vec<SourceFile> {
    let root = src();
    let paths = rust_files(&root);
    let texts: BTreeMap<PathBuf, String> = paths
        .iter()
        .map(|p| (p.clone(), fs::read_to_string(p).expect("source file")))
        .collect();
    let test_files: BTreeSet<PathBuf> = texts
        .iter()
        .flat_map(|(path, text)| test_module_files(path, text))
        .collect();
    texts
        .iter()
        .filter(|(path, _)| !test_files.contains(*path))
        .filter_map(|(path, text)| {
            let rel = path.strip_prefix(&root).ok()?;
            let module = module_path(rel);
            if module.is_empty() {
                return None; // lib.rs, main.rs
            }
            Some(SourceFile {
                name: format!("src/{}", rel.display()),
                uses: crate_uses(&without_tests(text), module.len()),
                module,
            })
        })
        .collect()
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in fs::read_dir(&d).expect("a source directory") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// `query/search.rs` is `["query", "search"]`, `query/mod.rs` `["query"]`, `lib.rs` `[]`.
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod")) {
        parts.pop();
    }
    if parts.len() == 1 && matches!(parts[0].as_str(), "lib" | "main") {
        parts.clear();
    }
    parts
}

/// Lines after `#[cfg(test)]` (and any further attributes) that start a module.
fn test_module_starts(text: &str) -> Vec<(usize, Option<String>, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.trim() != "#[cfg(test)]" {
            continue;
        }
        let mut path = None;
        let mut j = i + 1;
        while let Some(attr) = lines
            .get(j)
            .map(|l| l.trim())
            .filter(|l| l.starts_with("#["))
        {
            if let Some(p) = attr.strip_prefix("#[path = \"") {
                path = p.split('"').next().map(str::to_string);
            }
            j += 1;
        }
        let item = lines.get(j).map_or("", |l| l.trim());
        let item = item.strip_prefix("pub(crate) ").unwrap_or(item);
        if let Some(name) = item.strip_prefix("mod ") {
            let name = name.trim_end_matches([';', '{', ' ']).to_string();
            found.push((i, path, name));
        }
    }
    found
}

/// The files that `path` declares as `#[cfg(test)] mod name;`.
fn test_module_files(path: &Path, text: &str) -> Vec<PathBuf> {
    let dir = path.parent().expect("a file in a directory");
    let own = match path.file_stem().and_then(|s| s.to_str()) {
        Some("mod" | "lib" | "main") => dir.to_path_buf(),
        Some(stem) => dir.join(stem),
        None => dir.to_path_buf(),
    };
    test_module_starts(text)
        .into_iter()
        .flat_map(|(_, explicit, name)| match explicit {
            Some(p) => vec![dir.join(p)],
            None => vec![
                own.join(format!("{name}.rs")),
                own.join(&name).join("mod.rs"),
            ],
        })
        .collect()
}

/// The text before the first test module (test modules come last in a file).
fn without_tests(text: &str) -> String {
    match test_module_starts(text).first() {
        Some((line, _, _)) => text.lines().take(*line).collect::<Vec<_>>().join("\n"),
        None => text.to_string(),
    }
}

/// The top-level modules a file `depth` modules deep names by `crate::` (or by enough
/// `super::` to reach the crate root). Comments and literals are skipped.
fn crate_uses(text: &str, depth: usize) -> BTreeSet<String> {
    let code = code_only(text);
    let b = code.as_bytes();
    let mut uses = BTreeSet::new();
    let mut i = 0;
    while i < b.len() {
        let starts_path = i == 0 || !(is_ident(b[i - 1]) || b[i - 1] == b':');
        if starts_path && b[i..].starts_with(b"crate::") {
            i += "crate::".len();
            i = roots(&code, i, &mut uses);
        } else if starts_path && b[i..].starts_with(b"super::") {
            let mut n = 0;
            while b[i..].starts_with(b"super::") {
                i += "super::".len();
                n += 1;
            }
            if n >= depth {
                i = roots(&code, i, &mut uses);
            }
        } else {
            i += 1;
        }
    }
    uses
}

/// The first segment(s) of a path starting at `i`: one name, or each name of a `{...}` group.
fn roots(code: &str, mut i: usize, uses: &mut BTreeSet<String>) -> usize {
    let b = code.as_bytes();
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    if b.get(i) != Some(&b'{') {
        let start = i;
        while i < b.len() && is_ident(b[i]) {
            i += 1;
        }
        if i > start && !matches!(&code[start..i], "self" | "super" | "crate") {
            uses.insert(code[start..i].to_string());
        }
        return i;
    }
    let mut depth = 0;
    let mut item_start = true;
    while i < b.len() {
        match b[i] {
            b'{' => {
                depth += 1;
                item_start = depth == 1;
            }
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b',' if depth == 1 => item_start = true,
            c if item_start && is_ident(c) => {
                let start = i;
                while i < b.len() && is_ident(b[i]) {
                    i += 1;
                }
                if !matches!(&code[start..i], "self" | "super" | "crate") {
                    uses.insert(code[start..i].to_string());
                }
                item_start = false;
                continue;
            }
            c if !c.is_ascii_whitespace() => item_start = false,
            _ => {}
        }
        i += 1;
    }
    i
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// `text` with comments, strings and char literals blanked out (kept the same length).
fn code_only(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let at = |i: usize, s: &str| s.chars().enumerate().all(|(k, x)| c.get(i + k) == Some(&x));
    while i < c.len() {
        if at(i, "//") {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if at(i, "/*") {
            let mut depth = 0;
            while i < c.len() {
                if at(i, "/*") {
                    depth += 1;
                    i += 2;
                } else if at(i, "*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c[i] == 'r' && (at(i + 1, "\"") || at(i + 1, "#")) && !prev_ident(&c, i) {
            let hashes = c[i + 1..].iter().take_while(|&&x| x == '#').count();
            if c.get(i + 1 + hashes) == Some(&'"') {
                let close: String = std::iter::once('"')
                    .chain("#".repeat(hashes).chars())
                    .collect();
                i += 2 + hashes;
                while i < c.len() && !at(i, &close) {
                    i += 1;
                }
                i += close.chars().count();
                out.push_str("\"\"");
            } else {
                out.push(c[i]);
                i += 1;
            }
        } else if c[i] == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c[i] == '\'' && (at(i + 2, "'") || (at(i + 1, "\\") && char_end(&c, i).is_some()))
        {
            i = if at(i + 2, "'") {
                i + 3
            } else {
                char_end(&c, i).unwrap_or(i + 1)
            };
            out.push_str("' '");
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

fn prev_ident(c: &[char], i: usize) -> bool {
    i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_')
}

/// The index after an escaped char literal starting at `i` (`'\n'`, `'\u{1F600}'`).
fn char_end(c: &[char], i: usize) -> Option<usize> {
    (i + 3..(i + 12).min(c.len()))
        .find(|&j| c[j] == '\'')
        .map(|j| j + 1)
}

#[test]
fn the_scanner_finds_paths_and_skips_comments_strings_and_tests() {
    let text = r##"//! See crate::cli for the command line.
use crate::{app::App, keymap::{self, Keymap}};
use crate::domain::Task;
use super::super::query::Query;
use super::sibling;
/* crate::server */
fn f() -> &'static str { let _c = '"'; let _e = '\''; "crate::ui" }
fn g() -> String { r#"crate::tui"#.into() }
pub(crate) fn h(x: steerdeck::crate_x::Y) {}
#[cfg(test)]
mod tests {
    use crate::plan;
}
"##;
    let uses = crate_uses(&without_tests(text), 2);
    let uses: Vec<&str> = uses.iter().map(String::as_str).collect();
    assert_eq!(uses, ["app", "domain", "keymap", "query"]);
    let one_deep = crate_uses("use super::store::Y;", 1);
    assert_eq!(one_deep.into_iter().collect::<Vec<_>>(), ["store"]);
    assert_eq!(
        module_path(Path::new("query/search.rs")),
        ["query", "search"]
    );
    assert_eq!(module_path(Path::new("query/mod.rs")), ["query"]);
    assert!(module_path(Path::new("lib.rs")).is_empty());
    let starts =
        test_module_starts("fn a() {}\n#[cfg(test)]\n#[path = \"a_tests.rs\"]\nmod tests;\n");
    assert_eq!(
        starts,
        [(1, Some("a_tests.rs".to_string()), "tests".to_string())]
    );
}
