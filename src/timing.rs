//! `performance.measure` entries for the work a listener waits on (reading a transcript, laying
//! out its panel), so `cargo xtask bench` — or a page's own monitoring — can time them in the
//! browser without a build of its own. Through `Reflect`, as the few calls do not earn web-sys's
//! `Performance` bindings.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

fn performance() -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .filter(|p| p.is_object())
}

/// Milliseconds on the page's clock (`performance.now()`); 0 where there is none.
pub fn now() -> f64 {
    performance()
        .and_then(|p| {
            let f: Function = Reflect::get(&p, &"now".into()).ok()?.dyn_into().ok()?;
            f.call0(&p).ok()?.as_f64()
        })
        .unwrap_or(0.0)
}

/// Records `name` as lasting from `start` until now.
pub fn measure(name: &str, start: f64) {
    let Some(p) = performance() else { return };
    let options = Object::new();
    let _ = Reflect::set(&options, &"start".into(), &start.into());
    let _ = Reflect::set(&options, &"end".into(), &now().into());
    if let Some(f) = Reflect::get(&p, &"measure".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        let _ = f.call2(&p, &name.into(), &options);
    }
}
