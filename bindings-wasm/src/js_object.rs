//! Reads the plain JavaScript objects a caller passes in (policies, thresholds, a PyPI
//! publisher) field by field, the way the core reads JSON: every key must be one the reader
//! knows, every value of the one type it allows, and a refusal is a `TypeError` naming the
//! path (`policy.allOf[1].isuer`). serde-wasm-bindgen's deserializer did this before; its
//! generic visitors and error formatting (floating point included) were the larger part of the
//! module's JavaScript conversion code (bindings-wasm/README.md, "What each part costs").
//!
//! `undefined` and `null` both mean a field left out, as they did.

use wasm_bindgen::prelude::*;

use crate::type_error;

/// The largest integer a JavaScript number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A JavaScript object whose keys have been checked against the ones its reader knows.
pub(crate) struct JsObject {
    value: JsValue,
    path: String,
}

impl JsObject {
    /// `value` as an object (not an array, not a function) whose own enumerable keys are all
    /// in `allowed`; `path` names it in errors.
    pub(crate) fn new(value: JsValue, path: &str, allowed: &[&str]) -> Result<Self, JsValue> {
        if !value.is_object() || js_sys::Array::is_array(&value) || value.is_function() {
            return Err(type_error(&format!("{path} must be an object")));
        }
        let object = Self {
            value,
            path: path.to_owned(),
        };
        for key in object.keys() {
            if !allowed.contains(&key.as_str()) {
                return Err(type_error(&format!("{path}: unknown key `{key}`")));
            }
        }
        Ok(object)
    }

    /// The object's own enumerable string keys.
    fn keys(&self) -> Vec<String> {
        let object = js_sys::Object::from(self.value.clone());
        js_sys::Object::keys(&object)
            .iter()
            .filter_map(|k| k.as_string())
            .collect()
    }

    fn path_of(&self, name: &str) -> String {
        format!("{}.{name}", self.path)
    }

    /// The field `name`, or `None` when it is absent, `undefined` or `null`.
    fn get(&self, name: &str) -> Option<JsValue> {
        js_sys::Reflect::get(&self.value, &JsValue::from_str(name))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    /// A string field.
    pub(crate) fn string(&self, name: &str) -> Result<Option<String>, JsValue> {
        self.get(name)
            .map(|v| {
                v.as_string()
                    .ok_or_else(|| type_error(&format!("{} must be a string", self.path_of(name))))
            })
            .transpose()
    }

    /// A string field that must be there.
    pub(crate) fn required_string(&self, name: &str) -> Result<String, JsValue> {
        self.string(name)?
            .ok_or_else(|| type_error(&format!("{} is required", self.path_of(name))))
    }

    /// A boolean field.
    pub(crate) fn boolean(&self, name: &str) -> Result<Option<bool>, JsValue> {
        self.get(name)
            .map(|v| {
                v.as_bool()
                    .ok_or_else(|| type_error(&format!("{} must be a boolean", self.path_of(name))))
            })
            .transpose()
    }

    /// A field holding a non-negative integer a JavaScript number represents exactly.
    pub(crate) fn count(&self, name: &str) -> Result<Option<u64>, JsValue> {
        self.get(name)
            .map(|v| whole_number(&v).ok_or_else(|| not_a_count(&self.path_of(name))))
            .transpose()
    }

    /// An object field, its keys checked against `allowed`.
    pub(crate) fn object(&self, name: &str, allowed: &[&str]) -> Result<Option<Self>, JsValue> {
        self.get(name)
            .map(|v| Self::new(v, &self.path_of(name), allowed))
            .transpose()
    }

    /// An array field, with the path of each item (`path.name[i]`).
    pub(crate) fn array(&self, name: &str) -> Result<Option<Vec<(JsValue, String)>>, JsValue> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        let path = self.path_of(name);
        if !js_sys::Array::is_array(&v) {
            return Err(type_error(&format!("{path} must be an array")));
        }
        Ok(Some(
            js_sys::Array::from(&v)
                .iter()
                .enumerate()
                .map(|(i, item)| (item, format!("{path}[{i}]")))
                .collect(),
        ))
    }

    /// A field holding either a string or bytes (a `Uint8Array`).
    pub(crate) fn string_or_bytes(&self, name: &str) -> Result<Option<StringOrBytes>, JsValue> {
        self.get(name)
            .map(|v| {
                if let Some(s) = v.as_string() {
                    Ok(StringOrBytes::String(s))
                } else if v.is_instance_of::<js_sys::Uint8Array>() {
                    Ok(StringOrBytes::Bytes(js_sys::Uint8Array::from(v).to_vec()))
                } else {
                    Err(type_error(&format!(
                        "{} must be a string or a Uint8Array",
                        self.path_of(name)
                    )))
                }
            })
            .transpose()
    }
}

/// A string or a byte array (a PEM or DER key).
pub(crate) enum StringOrBytes {
    String(String),
    Bytes(Vec<u8>),
}

/// `value` as a non-negative integer no larger than `Number.MAX_SAFE_INTEGER`.
fn whole_number(value: &JsValue) -> Option<u64> {
    let n = value.as_f64()?;
    // The range check first makes the cast exact (NaN fails every comparison).
    ((0.0..=MAX_SAFE_INTEGER).contains(&n) && n.fract() == 0.0).then_some(n as u64)
}

fn not_a_count(path: &str) -> JsValue {
    type_error(&format!(
        "{path} must be a non-negative integer no larger than Number.MAX_SAFE_INTEGER"
    ))
}
