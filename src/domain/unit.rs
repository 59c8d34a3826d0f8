//! The unit registry: every unit's full name, its abbreviations and other spellings, and the unit
//! that took over its work after a restructuring. A task names units as written; the registry is
//! how "Cục CNTT" and "Cục Công nghệ thông tin" are known to be one unit.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use super::text::nfc;

/// A unit of the ministry (or a generic group such as "Các đơn vị thuộc Bộ").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// Stable ascii key.
    pub key: String,
    /// Full official name.
    pub name: String,
    /// The abbreviation shown on screen.
    pub short: String,
    /// Every spelling found in plans (the name and the abbreviation included).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// English name.
    #[serde(default)]
    pub en: String,
    /// Key of the unit that took over after a restructuring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
    /// `group` for generic cells; absent for a real unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

#[derive(Debug, Deserialize)]
struct RegistryFile {
    units: Vec<Unit>,
}

/// What is wrong with a registry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistryProblem {
    #[error("unit key '{0}' is used twice")]
    DuplicateKey(String),
    #[error("the spelling '{alias}' belongs to both '{first}' and '{second}'")]
    AmbiguousAlias {
        alias: String,
        first: String,
        second: String,
    },
    #[error("unit '{unit}' names successor '{successor}', which is not in the registry")]
    UnknownSuccessor { unit: String, successor: String },
}

/// The unit registry shipped in the binary, as transcribed in `data/units.toml`.
pub const EMBEDDED_UNITS_TOML: &str = include_str!("../../data/units.toml");

/// The unit registry built into the binary cannot be used: a defect of this build, reported to
/// the user as such.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the unit registry built into steerdeck (data/units.toml) is broken: {0}; this build of \
     steerdeck is defective, please report it"
)]
pub struct BrokenRegistry(pub String);

/// The units, indexed by every spelling.
#[derive(Debug, Clone, Default)]
pub struct UnitRegistry {
    units: Vec<Unit>,
    by_name: HashMap<String, usize>,
}

/// The comparison key of a unit spelling: NFC, lowercase, single spaces, no space around `&`,
/// no trailing punctuation. "Cục QLXLVPHC &TDTHPL" and "cục qlxlvphc&tdthpl" share a key.
pub fn name_key(name: &str) -> String {
    let lowered = nfc(name).to_lowercase();
    let words: Vec<&str> = lowered.split_whitespace().collect();
    let joined = words.join(" ").replace(" &", "&").replace("& ", "&");
    joined
        .trim_matches(|c: char| matches!(c, '.' | ';' | ',' | '-' | ' '))
        .to_string()
}

impl UnitRegistry {
    /// Builds a registry, checking keys and spellings are unambiguous.
    pub fn new(mut units: Vec<Unit>) -> Result<Self, RegistryProblem> {
        let mut by_name: HashMap<String, usize> = HashMap::new();
        let mut keys: HashMap<String, usize> = HashMap::new();
        for (i, u) in units.iter_mut().enumerate() {
            u.name = nfc(&u.name);
            u.short = nfc(&u.short);
            if keys.insert(u.key.clone(), i).is_some() {
                return Err(RegistryProblem::DuplicateKey(u.key.clone()));
            }
        }
        for (i, u) in units.iter().enumerate() {
            let spellings = u
                .aliases
                .iter()
                .chain([&u.name, &u.short])
                .map(|s| name_key(s));
            for k in spellings {
                if let Some(&j) = by_name.get(&k)
                    && j != i
                {
                    return Err(RegistryProblem::AmbiguousAlias {
                        alias: k,
                        first: units[j].key.clone(),
                        second: u.key.clone(),
                    });
                }
                by_name.insert(k, i);
            }
            if let Some(s) = &u.successor
                && !keys.contains_key(s)
            {
                return Err(RegistryProblem::UnknownSuccessor {
                    unit: u.key.clone(),
                    successor: s.clone(),
                });
            }
        }
        Ok(UnitRegistry { units, by_name })
    }

    /// Parses a registry from TOML text.
    pub fn from_toml(text: &str) -> Result<Self, String> {
        let file: RegistryFile = toml::from_str(text).map_err(|e| e.to_string())?;
        Self::new(file.units).map_err(|e| e.to_string())
    }

    /// The registry embedded in the binary (`data/units.toml`). The test suite fails if it is
    /// broken; should a broken one be shipped anyway, this is an error for the caller to report
    /// (never an empty registry that quietly shows every unit as written).
    pub fn embedded() -> Result<Self, BrokenRegistry> {
        Self::built_in(EMBEDDED_UNITS_TOML)
    }

    fn built_in(text: &str) -> Result<Self, BrokenRegistry> {
        Self::from_toml(text).map_err(BrokenRegistry)
    }

    /// All units, in file order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The unit a spelling names, if known.
    pub fn resolve(&self, spelling: &str) -> Option<&Unit> {
        self.by_name
            .get(&name_key(spelling))
            .map(|&i| &self.units[i])
    }

    /// The unit with this key.
    pub fn by_key(&self, key: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.key == key)
    }

    /// The unit and every successor after it (bounded, so a cycle in a file cannot hang us).
    pub fn lineage<'a>(&'a self, unit: &'a Unit) -> Vec<&'a Unit> {
        let mut chain = vec![unit];
        let mut cur = unit;
        while let Some(next) = cur.successor.as_deref().and_then(|k| self.by_key(k)) {
            if chain.iter().any(|u| u.key == next.key) || chain.len() > 16 {
                break;
            }
            chain.push(next);
            cur = next;
        }
        chain
    }

    /// True when a task naming `written` concerns the unit `wanted`: the same unit in any
    /// spelling, or a unit whose work `wanted` took over (a filter on the new name finds tasks
    /// written with the old one), or the unit that took over `wanted`'s work.
    pub fn same_lineage(&self, written: &Unit, wanted: &Unit) -> bool {
        self.lineage(written).iter().any(|u| u.key == wanted.key)
            || self.lineage(wanted).iter().any(|u| u.key == written.key)
    }

    /// The short name to show for a spelling: the registry's abbreviation, or the text as written.
    pub fn short<'a>(&'a self, spelling: &'a str) -> &'a str {
        self.resolve(spelling)
            .map_or(spelling, |u| u.short.as_str())
    }

    /// Splits a lead/support cell into unit spellings: on `;`, new lines and `- ` bullets, and
    /// between units run together with spaces ("Cục HTQTCT Trung tâm LLTPQG"), using the known
    /// spellings first and the words that begin a unit name ("Cục", "Vụ", ...) after that.
    pub fn split_cell(&self, cell: &str) -> Vec<String> {
        let cell = nfc(cell);
        let mut out = Vec::new();
        for piece in cell.split([';', '\n', '\r']) {
            for part in split_bullets(piece) {
                self.split_run_together(part, &mut out);
            }
        }
        out
    }

    fn split_run_together(&self, text: &str, out: &mut Vec<String>) {
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut i = 0;
        while i < words.len() {
            // The longest known spelling starting at word i.
            let known = (i + 1..=words.len())
                .rev()
                .find(|&j| self.by_name.contains_key(&name_key(&words[i..j].join(" "))));
            let end = known.unwrap_or_else(|| next_unit_start(&words, i + 1));
            let name = words[i..end]
                .join(" ")
                .trim_matches(|c: char| matches!(c, '.' | ',' | ' '))
                .to_string();
            if !name.is_empty() {
                out.push(name);
            }
            i = end;
        }
    }
}

/// Splits "- A - B" and "A - B" bullets, but not "Cục Kế hoạch - Tài chính": a dash separates two
/// units only when what follows starts like a unit name.
fn split_bullets(piece: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = piece.trim().trim_start_matches(['-', '–']).trim_start();
    loop {
        let cut = rest
            .match_indices(" - ")
            .chain(rest.match_indices(" – "))
            .find(|(at, sep)| {
                let after = rest[at + sep.len()..].trim_start();
                starts_unit(after) || after.starts_with("Các ")
            });
        let Some((at, sep)) = cut else {
            parts.push(rest.trim());
            break;
        };
        parts.push(rest[..at].trim());
        rest = rest[at + sep.len()..].trim_start();
    }
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

const UNIT_HEADS: [&str; 11] = [
    "Tổng cục",
    "Cục",
    "Vụ",
    "Văn phòng",
    "Trung tâm",
    "Báo",
    "Tạp chí",
    "Thanh tra",
    "Viện",
    "Học viện",
    "Trường",
];

fn starts_unit(text: &str) -> bool {
    UNIT_HEADS.iter().any(|h| {
        text.strip_prefix(h)
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    })
}

/// The index of the next word that begins a unit name, or the end.
fn next_unit_start(words: &[&str], from: usize) -> usize {
    (from..words.len())
        .find(|&k| {
            let w = words[k];
            let two = words.get(k + 1).map(|n| format!("{w} {n}"));
            UNIT_HEADS
                .iter()
                .any(|h| *h == w || two.as_deref() == Some(*h))
        })
        .unwrap_or(words.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reg() -> UnitRegistry {
        UnitRegistry::embedded().expect("the embedded registry")
    }

    #[test]
    fn embedded_registry_parses() {
        let r = UnitRegistry::embedded().expect("units.toml parses");
        assert!(r.units().len() >= 20, "only {} units", r.units().len());
    }

    #[test]
    fn a_broken_built_in_registry_is_an_error_that_says_so() {
        let text = "[[units]]\nkey = \"a\"\nname = \"A\"\nshort = \"A\"\n\
                    [[units]]\nkey = \"a\"\nname = \"B\"\nshort = \"B\"\n";
        let e = UnitRegistry::built_in(text).expect_err("a key used twice");
        assert_eq!(
            e.to_string(),
            "the unit registry built into steerdeck (data/units.toml) is broken: unit key 'a' is \
             used twice; this build of steerdeck is defective, please report it"
        );
        assert!(UnitRegistry::built_in("units = 1").is_err());
    }

    #[test]
    fn spellings_resolve_to_one_unit() {
        let r = reg();
        let a = r.resolve("Cục CNTT").expect("abbreviation");
        let b = r
            .resolve("cục  công nghệ thông tin")
            .expect("full name, other case");
        assert_eq!(a.key, b.key);
        let c = r
            .resolve("Cục QLXLVPHC &TDTHPL")
            .expect("spelling with a space");
        assert_eq!(
            Some(c.key.as_str()),
            r.resolve("Cục QLXLVPHC&TDTHPL").map(|u| u.key.as_str())
        );
        assert!(r.resolve("Cục Không Tồn Tại").is_none());
    }

    #[test]
    fn successor_links_old_and_new_names() {
        let r = reg();
        let old = r.resolve("Cục TGPL").expect("old unit");
        let new = r
            .resolve("Cục Phổ biến, giáo dục pháp luật và Trợ giúp pháp lý")
            .expect("merged unit");
        assert!(r.same_lineage(old, new));
        let cntt = r.resolve("Cục CNTT").expect("cntt");
        assert!(!r.same_lineage(cntt, new));
    }

    #[test]
    fn splits_cells_as_the_plan_writes_them() {
        let r = reg();
        assert_eq!(
            r.split_cell("Tổng cục THADS Cục HTQTCT Cục TGPL Cục KTVBQPPL Trung tâm LLTP"),
            [
                "Tổng cục THADS",
                "Cục HTQTCT",
                "Cục TGPL",
                "Cục KTVBQPPL",
                "Trung tâm LLTP"
            ]
        );
        assert_eq!(
            r.split_cell("- Văn phòng Bộ; - Cục CNTT."),
            ["Văn phòng Bộ", "Cục CNTT"]
        );
        assert_eq!(
            r.split_cell("- Cục KHTC - Cục CNTT"),
            ["Cục KHTC", "Cục CNTT"]
        );
        assert_eq!(
            r.split_cell("Cục Kế hoạch - Tài chính"),
            ["Cục Kế hoạch - Tài chính"]
        );
        assert_eq!(r.split_cell("Văn phòng Bộ;"), ["Văn phòng Bộ"]);
        assert_eq!(r.split_cell(""), Vec::<String>::new());
        // Unknown units still split where a unit name begins.
        assert_eq!(
            r.split_cell("Cục Mới Thành Lập Vụ Khác"),
            ["Cục Mới Thành Lập", "Vụ Khác"]
        );
    }
}
