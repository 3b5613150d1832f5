//! Plain JavaScript objects built from Rust: what events, the Media Session and the JavaScript API
//! hand to the page.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// Sets `key` on `target`. Setting a property on a fresh plain object cannot fail.
pub fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}

/// A plain object with these fields.
pub fn object(fields: &[(&str, JsValue)]) -> Object {
    let out = Object::new();
    for (key, value) in fields {
        set(&out, key, value);
    }
    out
}
