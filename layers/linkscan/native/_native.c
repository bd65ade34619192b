/* linkscan.detect._native: step 2 of normalization (dropping separators) in one pass, with the
 * offset map, for the Python code in linkscan/detect/normalize.py, which holds the reference
 * implementation of the same rule and the fallback when this module is not built.
 *
 * Built against the limited C API (abi3), so one shared object serves CPython 3.11 and later: the
 * layer's aarch64 build for python3.13 is cross-compiled from the same source (see the layer's
 * Makefile).
 */
#define Py_LIMITED_API 0x030B0000
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* The classes of normalize.py's _KEPT and _LATIN. Keep the two in step: a test compares this module
 * with the Python implementation on every character of the Basic Multilingual Plane. */
static inline int is_latin(Py_UCS4 c) { return (c - '0' < 10u) || (c - 'a' < 26u); }

static inline int is_kept(Py_UCS4 c) {
    if (c < 0x80) return is_latin(c);
    return (c >= 0x00C0 && c <= 0x024F) || (c >= 0x0370 && c <= 0x052F) || (c >= 0x3040 && c <= 0x30FF) ||
           (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || c == 0x2661; /* the heart marker */
}

/* strip_separators(folded) -> (text, offsets)
 *
 * Drops every separator run but one space between two Latin characters x and y (x ␣ y) when x
 * follows a kept character or y precedes one, so single letters spaced apart are joined again.
 * offsets holds, as native uint32, the index in folded of each character of text. */
static PyObject *strip_separators(PyObject *module, PyObject *arg) {
    (void)module;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "strip_separators() takes a str");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GetLength(arg);
    if (n < 0) return NULL;
    if ((uint64_t)n > UINT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "text too long for 32-bit offsets");
        return NULL;
    }
    Py_UCS4 *src = PyUnicode_AsUCS4Copy(arg);
    if (src == NULL) return NULL;
    Py_UCS4 *out = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Py_UCS4));
    uint32_t *at = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(uint32_t));
    if (out == NULL || at == NULL) {
        PyMem_Free(src);
        PyMem_Free(out);
        PyMem_Free(at);
        return PyErr_NoMemory();
    }
    Py_ssize_t kept = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = src[i];
        if (is_kept(c)) {
            out[kept] = c;
            at[kept++] = (uint32_t)i;
            continue;
        }
        if (i == 0 || !is_latin(src[i - 1])) continue; /* only a run right after a Latin character may stay */
        Py_ssize_t next = i + 1; /* the first kept character after the run */
        while (next < n && !is_kept(src[next])) next++;
        if (next < n && is_latin(src[next]) &&
            ((i >= 2 && is_kept(src[i - 2])) || (next + 1 < n && is_kept(src[next + 1])))) {
            out[kept] = ' ';
            at[kept++] = (uint32_t)i;
        }
        i = next - 1; /* the rest of the run follows a separator: dropped */
    }
    PyMem_Free(src);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    int byteorder = 1;
#else
    int byteorder = -1;
#endif
    PyObject *text = PyUnicode_DecodeUTF32((const char *)out, kept * (Py_ssize_t)sizeof(Py_UCS4), "strict", &byteorder);
    PyMem_Free(out);
    PyObject *offsets = PyBytes_FromStringAndSize((const char *)at, kept * (Py_ssize_t)sizeof(uint32_t));
    PyMem_Free(at);
    if (text == NULL || offsets == NULL) {
        Py_XDECREF(text);
        Py_XDECREF(offsets);
        return NULL;
    }
    PyObject *result = PyTuple_Pack(2, text, offsets);
    Py_DECREF(text);
    Py_DECREF(offsets);
    return result;
}

static PyMethodDef methods[] = {
    {"strip_separators", strip_separators, METH_O,
     "strip_separators(folded) -> (text, offsets): step 2 of normalization and the uint32 offset map."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_native", "Native step 2 of linkscan's text normalization.", 0, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__native(void) { return PyModule_Create(&module_def); }
