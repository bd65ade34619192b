/* linkscan.detect._native: text normalization (folding, then dropping separators) in one C call
 * that also records each kept character's original offset, for linkscan/detect/normalize.py, which
 * holds the reference implementation of both steps and the fallback when this module is not built.
 *
 * Built against the limited C API (abi3), so one shared object serves CPython 3.11 and later: the
 * layer's aarch64 build for python3.13 is cross-compiled from the same source (see the layer's
 * Makefile and docs/native.md).
 */
#define Py_LIMITED_API 0x030B0000
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <wchar.h>

#if WCHAR_MAX < 0x10FFFF
#error "text is passed to PyUnicode_FromWideChar as UCS-4: a 4-byte wchar_t is needed"
#endif

/* The fold map of step 1 for code points below MAPPED_LIMIT (the rest fold to themselves:
 * set_fold_map refuses a table key beyond, and a test checks that no character beyond has a lower
 * case). NEEDS_PYTHON marks
 * characters whose folding depends on context or changes the length (final sigma, dotted I): a
 * page holding one is folded by the Python code. */
#define MAPPED_LIMIT 0x20000
#define NEEDS_PYTHON 0xFFFFFFFFu
static uint32_t *fold_map = NULL;

/* The classes of normalize.py's _KEPT and _LATIN. Keep the two in step: tests compare this module
 * with the Python implementation on every character of Unicode planes 0 and 1. */
static inline int is_latin(Py_UCS4 c) { return (c - '0' < 10u) || (c - 'a' < 26u); }

static inline int is_kept(Py_UCS4 c) {
    if (c < 0x80) return is_latin(c);
    return (c >= 0x00C0 && c <= 0x024F) || (c >= 0x0370 && c <= 0x052F) || (c >= 0x3040 && c <= 0x30FF) ||
           (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || c == 0x2661; /* the heart marker */
}

/* Step 2 on folded[0:n]: drops every separator run but one space between two Latin characters
 * x and y (x ␣ y) when x follows a kept character or y precedes one, so single letters spaced
 * apart are joined again. Writes the kept characters to out and their indices to at; returns how
 * many. */
static Py_ssize_t strip_separators(const Py_UCS4 *folded, Py_ssize_t n, Py_UCS4 *out, uint32_t *at) {
    Py_ssize_t kept = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = folded[i];
        if (is_kept(c)) {
            out[kept] = c;
            at[kept++] = (uint32_t)i;
            continue;
        }
        if (i == 0 || !is_latin(folded[i - 1])) continue; /* only a run right after a Latin character may stay */
        Py_ssize_t next = i + 1; /* the first kept character after the run */
        while (next < n && !is_kept(folded[next])) next++;
        if (next < n && is_latin(folded[next]) &&
            ((i >= 2 && is_kept(folded[i - 2])) || (next + 1 < n && is_kept(folded[next + 1])))) {
            out[kept] = ' ';
            at[kept++] = (uint32_t)i;
        }
        i = next - 1; /* the rest of the run follows a separator: dropped */
    }
    return kept;
}

/* The lower case of every code point below MAPPED_LIMIT, by str.lower (one call on a string of them
 * all): a PyMem buffer, or NULL with an exception set. Surrogates are lowered as themselves; the
 * needs_python characters (a lower case of two characters would shift the rest) get a placeholder
 * that set_fold_map overwrites. */
static Py_UCS4 *lower_cases(const Py_UCS4 *special, Py_ssize_t n_special) {
    Py_UCS4 *codes = PyMem_Malloc(MAPPED_LIMIT * sizeof(Py_UCS4));
    if (codes == NULL) return (Py_UCS4 *)PyErr_NoMemory();
    for (Py_UCS4 cp = 0; cp < MAPPED_LIMIT; cp++) codes[cp] = (cp >= 0xD800 && cp <= 0xDFFF) ? ' ' : cp;
    for (Py_ssize_t k = 0; k < n_special; k++) {
        if (special[k] < MAPPED_LIMIT) codes[special[k]] = ' ';
    }
    PyObject *all = PyUnicode_FromWideChar((const wchar_t *)codes, MAPPED_LIMIT);
    PyMem_Free(codes);
    if (all == NULL) return NULL;
    PyObject *lowered = PyObject_CallMethod(all, "lower", NULL);
    Py_DECREF(all);
    if (lowered == NULL) return NULL;
    Py_UCS4 *low = NULL;
    if (PyUnicode_GetLength(lowered) != MAPPED_LIMIT) {
        PyErr_SetString(PyExc_ValueError, "set_fold_map: a character lowers to more than one; list it in needs_python");
    } else {
        low = PyUnicode_AsUCS4Copy(lowered);
    }
    Py_DECREF(lowered);
    if (low == NULL) return NULL;
    for (Py_UCS4 cp = 0xD800; cp <= 0xDFFF; cp++) low[cp] = cp;
    return low;
}

/* set_fold_map(keys, values, needs_python)
 *
 * Step 1's map: a character's lower case (str.lower), then the fold table keys -> values applied
 * character for character; needs_python: characters the Python code must fold (their lower case
 * depends on the neighbours or is longer). */
static PyObject *set_fold_map(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *keys, *values, *needs_python;
    if (!PyArg_ParseTuple(args, "UUU:set_fold_map", &keys, &values, &needs_python)) return NULL;
    Py_ssize_t n_keys = PyUnicode_GetLength(keys);
    Py_ssize_t n_special = PyUnicode_GetLength(needs_python);
    if (n_keys != PyUnicode_GetLength(values)) {
        PyErr_SetString(PyExc_ValueError, "set_fold_map: keys and values must pair up");
        return NULL;
    }
    Py_UCS4 *from = PyUnicode_AsUCS4Copy(keys);
    Py_UCS4 *to = PyUnicode_AsUCS4Copy(values);
    Py_UCS4 *special = PyUnicode_AsUCS4Copy(needs_python);
    Py_UCS4 *low = special == NULL ? NULL : lower_cases(special, n_special);
    uint32_t *table = PyMem_Malloc(MAPPED_LIMIT * sizeof(uint32_t));
    uint32_t *map = PyMem_Malloc(MAPPED_LIMIT * sizeof(uint32_t));
    PyObject *result = NULL;
    if (low == NULL || from == NULL || to == NULL || special == NULL || table == NULL || map == NULL) {
        if (!PyErr_Occurred()) PyErr_NoMemory();
        goto done;
    }
    for (uint32_t cp = 0; cp < MAPPED_LIMIT; cp++) table[cp] = cp;
    for (Py_ssize_t k = 0; k < n_keys; k++) {
        if (from[k] >= MAPPED_LIMIT) {
            PyErr_Format(PyExc_ValueError, "set_fold_map: key U+%04X is outside the mapped planes", (unsigned)from[k]);
            goto done;
        }
        table[from[k]] = to[k];
    }
    for (uint32_t cp = 0; cp < MAPPED_LIMIT; cp++) {
        Py_UCS4 lower = low[cp];
        map[cp] = lower < MAPPED_LIMIT ? table[lower] : lower;
    }
    for (Py_ssize_t k = 0; k < n_special; k++) {
        if (special[k] < MAPPED_LIMIT) map[special[k]] = NEEDS_PYTHON;
    }
    PyMem_Free(fold_map);
    fold_map = map;
    map = NULL;
    Py_INCREF(Py_None);
    result = Py_None;
done:
    PyMem_Free(low);
    PyMem_Free(from);
    PyMem_Free(to);
    PyMem_Free(special);
    PyMem_Free(table);
    PyMem_Free(map);
    return result;
}

/* normalize(original) -> (folded, text, offsets) | None
 *
 * Step 1 by the fold map, then step 2. offsets holds, as native uint32, the index in original of
 * each character of text. None when the page holds a character the Python code must fold. */
static PyObject *normalize(PyObject *module, PyObject *arg) {
    (void)module;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "normalize() takes a str");
        return NULL;
    }
    if (fold_map == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "normalize() before set_fold_map()");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GetLength(arg);
    if (n < 0) return NULL;
    if ((uint64_t)n > UINT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "text too long for 32-bit offsets");
        return NULL;
    }
    Py_UCS4 *folded = PyUnicode_AsUCS4Copy(arg);
    if (folded == NULL) return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = folded[i];
        if (c < MAPPED_LIMIT) {
            uint32_t to = fold_map[c];
            if (to == NEEDS_PYTHON) {
                PyMem_Free(folded);
                /* not Py_RETURN_NONE: 3.12+ headers make it a bare return (None is immortal there) */
                Py_INCREF(Py_None);
                return Py_None;
            }
            folded[i] = to;
        }
    }
    Py_UCS4 *out = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Py_UCS4));
    uint32_t *at = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(uint32_t));
    PyObject *folded_text = NULL, *text = NULL, *offsets = NULL, *result = NULL;
    if (out == NULL || at == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t kept = strip_separators(folded, n, out, at);
    folded_text = PyUnicode_FromWideChar((const wchar_t *)folded, n);
    text = PyUnicode_FromWideChar((const wchar_t *)out, kept);
    offsets = PyBytes_FromStringAndSize((const char *)at, kept * (Py_ssize_t)sizeof(uint32_t));
    if (folded_text != NULL && text != NULL && offsets != NULL) result = PyTuple_Pack(3, folded_text, text, offsets);
done:
    PyMem_Free(folded);
    PyMem_Free(out);
    PyMem_Free(at);
    Py_XDECREF(folded_text);
    Py_XDECREF(text);
    Py_XDECREF(offsets);
    return result;
}

static PyMethodDef methods[] = {
    {"set_fold_map", set_fold_map, METH_VARARGS,
     "set_fold_map(keys, values, needs_python): the fold map of step 1 (see normalize.py)."},
    {"normalize", normalize, METH_O,
     "normalize(original) -> (folded, text, offsets) | None: both steps and the uint32 offset map."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_native", "linkscan's text normalization in C.", 0, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__native(void) { return PyModule_Create(&module_def); }
