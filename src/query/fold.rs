//! TEMPORARY until the real module lands.
pub fn fold(text: &str) -> String {
    text.to_lowercase()
}
