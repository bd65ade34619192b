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
#include <math.h>
#include <string.h>
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

static inline int is_space(Py_UCS4 c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int has_space(const Py_UCS4 *folded, Py_ssize_t from, Py_ssize_t to) {
    for (Py_ssize_t k = from; k < to; k++) {
        if (is_space(folded[k])) return 1;
    }
    return 0;
}

/* Whether the separator run folded[i:next] between two single letters is a word gap: it holds
 * whitespace and is wider than the run between the letters on one side ("b.u.y c.o.c", "b u y   c o c"),
 * whose own run holds none or is shorter. Normalize.py's _is_word_gap is the same rule. */
static int is_word_gap(const Py_UCS4 *folded, Py_ssize_t n, Py_ssize_t i, Py_ssize_t next) {
    Py_ssize_t width = next - i;
    if (!has_space(folded, i, next)) return 0;
    Py_ssize_t j = i - 2; /* the run before the letter at i - 1 ends at i - 2 */
    while (j >= 0 && !is_kept(folded[j])) j--;
    if (j >= 0 && j < i - 2 && is_latin(folded[j]) && (!has_space(folded, j + 1, i - 1) || width > i - 2 - j)) return 1;
    Py_ssize_t k = next + 1; /* the run after the letter at next */
    while (k < n && !is_kept(folded[k])) k++;
    if (k < n && k > next + 1 && is_latin(folded[k]) && (!has_space(folded, next + 1, k) || width > k - next - 1))
        return 1;
    return 0;
}

/* Step 2 on folded[0:n]: drops every separator run but one space between two Latin characters
 * x and y (x ␣ y) when x follows a kept character or y precedes one, so single letters spaced
 * apart are joined again, or when the run is a word gap between spaced letters (is_word_gap). Writes the kept characters to out and their indices to at; returns how
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
            ((i >= 2 && is_kept(folded[i - 2])) || (next + 1 < n && is_kept(folded[next + 1])) ||
             is_word_gap(folded, n, i, next))) {
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
/* A str of chars[0:n]. Latin-1 text (the usual English page) goes through a byte buffer and
 * PyUnicode_DecodeLatin1, which copies it in one pass; PyUnicode_FromWideChar reads UCS-4 twice (its
 * widest character, then a conversion) and costs several times as much per character. */
static PyObject *as_str(const Py_UCS4 *chars, Py_ssize_t n, int latin1) {
    if (!latin1) return PyUnicode_FromWideChar((const wchar_t *)chars, n);
    char *bytes = PyMem_Malloc((size_t)(n > 0 ? n : 1));
    if (bytes == NULL) return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) bytes[i] = (char)chars[i];
    PyObject *text = PyUnicode_DecodeLatin1(bytes, n, NULL);
    PyMem_Free(bytes);
    return text;
}

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
    Py_UCS4 widest = 0; /* every bit of every folded character: below 0x100 means all are Latin-1 */
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
            c = to;
        }
        widest |= c;
    }
    Py_UCS4 *out = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Py_UCS4));
    uint32_t *at = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(uint32_t));
    PyObject *folded_text = NULL, *text = NULL, *offsets = NULL, *result = NULL;
    if (out == NULL || at == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t kept = strip_separators(folded, n, out, at);
    folded_text = as_str(folded, n, widest < 0x100);
    text = as_str(out, kept, widest < 0x100); /* text keeps a subset of the folded characters */
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

/* The offer model's features of a normalized text (linkscan/detect/offer_model.py, whose
 * reference_features is the same rule in Python): tokens are runs of CJK characters and Latin words
 * ([a-z0-9]+; a word of only digits and x is the number "0"); the features are every Latin word,
 * every pair of neighbouring units (a space between two Latin words) and every CJK triple. */
static inline int is_model_cjk(Py_UCS4 c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}

/* Calls visit(context, units, length) for every feature, duplicates included. */
typedef int (*visit_fn)(void *context, const Py_UCS4 *units, Py_ssize_t length);

static int each_feature(const Py_UCS4 *buf, Py_ssize_t n, Py_UCS4 *scratch, visit_fn visit, void *context) {
    static const Py_UCS4 zero = '0';
    const Py_UCS4 *previous = NULL; /* the previous token's last unit */
    Py_ssize_t previous_length = 0;
    int previous_latin = 0;
    for (Py_ssize_t i = 0; i < n;) {
        Py_UCS4 c = buf[i];
        Py_ssize_t j = i + 1;
        if (is_model_cjk(c)) {
            while (j < n && is_model_cjk(buf[j])) j++;
            if (previous != NULL) {
                memcpy(scratch, previous, (size_t)previous_length * sizeof(Py_UCS4));
                scratch[previous_length] = c;
                if (visit(context, scratch, previous_length + 1) < 0) return -1;
            }
            for (Py_ssize_t k = i; k + 1 < j; k++) {
                if (visit(context, buf + k, 2) < 0) return -1;
                if (k + 2 < j && visit(context, buf + k, 3) < 0) return -1;
            }
            previous = buf + j - 1;
            previous_length = 1;
            previous_latin = 0;
        } else if (is_latin(c)) {
            int number = (c - '0' < 10u) || c == 'x';
            while (j < n && is_latin(buf[j])) {
                number = number && ((buf[j] - '0' < 10u) || buf[j] == 'x');
                j++;
            }
            const Py_UCS4 *word = number ? &zero : buf + i; /* a number stands as "0" */
            Py_ssize_t word_length = number ? 1 : j - i;
            if (visit(context, word, word_length) < 0) return -1;
            if (previous != NULL) {
                memcpy(scratch, previous, (size_t)previous_length * sizeof(Py_UCS4));
                Py_ssize_t at = previous_length;
                if (previous_latin) scratch[at++] = ' ';
                memcpy(scratch + at, word, (size_t)word_length * sizeof(Py_UCS4));
                if (visit(context, scratch, at + word_length) < 0) return -1;
            }
            previous = word;
            previous_length = word_length;
            previous_latin = 1;
        }
        i = j;
    }
    return 0;
}

/* Runs each_feature over str text with a scratch buffer for pairs (at most two words and a space). */
static int with_features(PyObject *text, visit_fn visit, void *context) {
    Py_ssize_t n = PyUnicode_GetLength(text);
    if (n < 0) return -1;
    if (n == 0) return 0;
    Py_UCS4 *buf = PyUnicode_AsUCS4Copy(text);
    if (buf == NULL) return -1;
    Py_UCS4 *scratch = PyMem_Malloc((2 * (size_t)n + 2) * sizeof(Py_UCS4));
    if (scratch == NULL) {
        PyMem_Free(buf);
        PyErr_NoMemory();
        return -1;
    }
    int result = each_feature(buf, n, scratch, visit, context);
    PyMem_Free(scratch);
    PyMem_Free(buf);
    return result;
}

static int add_to_set(void *found, const Py_UCS4 *units, Py_ssize_t length) {
    PyObject *feature = PyUnicode_FromWideChar((const wchar_t *)units, length);
    if (feature == NULL) return -1;
    int failed = PySet_Add((PyObject *)found, feature);
    Py_DECREF(feature);
    return failed;
}

static PyObject *offer_features(PyObject *module, PyObject *text) {
    (void)module;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "offer_features() needs a str");
        return NULL;
    }
    PyObject *found = PySet_New(NULL);
    if (found != NULL && with_features(text, add_to_set, found) < 0) Py_CLEAR(found);
    return found;
}

/* The model's weights as an open-addressing table keyed by a 64-bit FNV-1a hash of the feature's
 * code points (40,000 features: a collision of two of them is one chance in ~10^10), with each
 * feature's str kept to name the heaviest ones. */
typedef struct {
    uint64_t *hashes; /* 0 = empty slot */
    double *weights;
    PyObject **names;
    size_t mask;
} OfferTable;

static inline uint64_t feature_hash(const Py_UCS4 *units, Py_ssize_t length) {
    uint64_t h = 1469598103934665603ULL;
    for (Py_ssize_t k = 0; k < length; k++) {
        h ^= (uint64_t)units[k];
        h *= 1099511628211ULL;
    }
    return h ? h : 1;
}

static void free_table(PyObject *capsule) {
    OfferTable *table = PyCapsule_GetPointer(capsule, "linkscan.offer_table");
    if (table == NULL) return;
    for (size_t k = 0; k <= table->mask; k++) Py_XDECREF(table->names[k]);
    PyMem_Free(table->names);
    PyMem_Free(table->weights);
    PyMem_Free(table->hashes);
    PyMem_Free(table);
}

/* offer_table(features, weights) -> capsule */
static PyObject *offer_table(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *features, *weights;
    if (!PyArg_ParseTuple(args, "OO:offer_table", &features, &weights)) return NULL;
    Py_ssize_t count = PySequence_Size(features);
    if (count < 0) return NULL;
    if (PySequence_Size(weights) != count) {
        PyErr_SetString(PyExc_ValueError, "offer_table: features and weights must pair up");
        return NULL;
    }
    size_t capacity = 16;
    while (capacity < 2 * (size_t)count) capacity *= 2;
    OfferTable *table = PyMem_Calloc(1, sizeof(OfferTable));
    if (table == NULL) return PyErr_NoMemory();
    table->mask = capacity - 1;
    table->hashes = PyMem_Calloc(capacity, sizeof(uint64_t));
    table->weights = PyMem_Calloc(capacity, sizeof(double));
    table->names = PyMem_Calloc(capacity, sizeof(PyObject *));
    PyObject *capsule = NULL;
    if (table->hashes == NULL || table->weights == NULL || table->names == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    capsule = PyCapsule_New(table, "linkscan.offer_table", free_table);
    if (capsule == NULL) goto fail;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *name = PySequence_GetItem(features, k);
        PyObject *weight = name == NULL ? NULL : PySequence_GetItem(weights, k);
        double value = weight == NULL ? -1.0 : PyFloat_AsDouble(weight);
        Py_XDECREF(weight);
        Py_UCS4 *units = (name == NULL || PyErr_Occurred()) ? NULL : PyUnicode_AsUCS4Copy(name);
        if (units == NULL) {
            Py_XDECREF(name);
            Py_DECREF(capsule);
            return NULL;
        }
        uint64_t h = feature_hash(units, PyUnicode_GetLength(name));
        PyMem_Free(units);
        size_t slot = (size_t)h & table->mask;
        while (table->hashes[slot] != 0 && table->hashes[slot] != h) slot = (slot + 1) & table->mask;
        if (table->hashes[slot] == h) { /* a duplicate (or a colliding) feature: the first one stays */
            Py_DECREF(name);
            continue;
        }
        table->hashes[slot] = h;
        table->weights[slot] = value;
        table->names[slot] = name; /* the reference is the table's */
    }
    return capsule;
fail:
    if (capsule != NULL) {
        Py_DECREF(capsule);
    } else {
        PyMem_Free(table->names);
        PyMem_Free(table->weights);
        PyMem_Free(table->hashes);
        PyMem_Free(table);
    }
    return NULL;
}

#define MAX_TOP 32

typedef struct {
    const OfferTable *table;
    uint64_t *seen; /* the distinct features met so far, by hash */
    size_t seen_mask;
    Py_ssize_t distinct, known;
    double total;
    size_t top[MAX_TOP]; /* table slots of the heaviest features met, largest |weight| first */
    int top_count, top_wanted;
} Scoring;

static int score_feature(void *context, const Py_UCS4 *units, Py_ssize_t length) {
    Scoring *scoring = context;
    uint64_t h = feature_hash(units, length);
    size_t slot = (size_t)h & scoring->seen_mask;
    while (scoring->seen[slot] != 0) {
        if (scoring->seen[slot] == h) return 0; /* counted already */
        slot = (slot + 1) & scoring->seen_mask;
    }
    scoring->seen[slot] = h;
    scoring->distinct++;
    const OfferTable *table = scoring->table;
    size_t at = (size_t)h & table->mask;
    while (table->hashes[at] != 0 && table->hashes[at] != h) at = (at + 1) & table->mask;
    if (table->hashes[at] == 0) return 0;
    double magnitude = fabs(table->weights[at]);
    scoring->known++;
    scoring->total += table->weights[at];
    int k = scoring->top_count;
    if (k == scoring->top_wanted) {
        if (k == 0 || fabs(table->weights[scoring->top[k - 1]]) >= magnitude) return 0;
        k--; /* the lightest of the list drops out */
    } else {
        scoring->top_count++;
    }
    while (k > 0 && fabs(table->weights[scoring->top[k - 1]]) < magnitude) {
        scoring->top[k] = scoring->top[k - 1];
        k--;
    }
    scoring->top[k] = at;
    return 0;
}

/* offer_score(table, normalized, explain) -> (distinct features, how many of them the model knows,
 * the sum of their weights, [(feature, weight), ...] the `explain` heaviest by |weight|, heaviest first) */
static PyObject *offer_score(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *capsule, *text;
    int explain;
    if (!PyArg_ParseTuple(args, "OUi:offer_score", &capsule, &text, &explain)) return NULL;
    const OfferTable *table = PyCapsule_GetPointer(capsule, "linkscan.offer_table");
    if (table == NULL) return NULL;
    Py_ssize_t n = PyUnicode_GetLength(text);
    if (n < 0) return NULL;
    size_t capacity = 16;
    while (capacity < 6 * (size_t)n + 8) capacity *= 2; /* at most three features per character */
    Scoring scoring = {table, PyMem_Calloc(capacity, sizeof(uint64_t)), capacity - 1, 0, 0, 0.0, {0}, 0, 0};
    scoring.top_wanted = explain < 0 ? 0 : explain > MAX_TOP ? MAX_TOP : explain;
    if (scoring.seen == NULL) return PyErr_NoMemory();
    int failed = with_features(text, score_feature, &scoring);
    PyMem_Free(scoring.seen);
    if (failed < 0) return NULL;
    PyObject *top = PyList_New(scoring.top_count);
    if (top == NULL) return NULL;
    for (int k = 0; k < scoring.top_count; k++) {
        PyObject *pair = Py_BuildValue("(Od)", table->names[scoring.top[k]], table->weights[scoring.top[k]]);
        if (pair == NULL) {
            Py_DECREF(top);
            return NULL;
        }
        PyList_SetItem(top, k, pair); /* steals the reference */
    }
    return Py_BuildValue("(nndN)", scoring.distinct, scoring.known, scoring.total, top);
}

static PyMethodDef methods[] = {
    {"set_fold_map", set_fold_map, METH_VARARGS,
     "set_fold_map(keys, values, needs_python): the fold map of step 1 (see normalize.py)."},
    {"normalize", normalize, METH_O,
     "normalize(original) -> (folded, text, offsets) | None: both steps and the uint32 offset map."},
    {"offer_features", offer_features, METH_O,
     "offer_features(normalized) -> set[str]: the offer model's features (see offer_model.py)."},
    {"offer_table", offer_table, METH_VARARGS,
     "offer_table(features, weights) -> capsule: the offer model's weights, for offer_score."},
    {"offer_score", offer_score, METH_VARARGS,
     "offer_score(table, normalized, explain) -> (distinct, known, total, top): the model's sum over the features."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_native", "linkscan's text normalization in C.", 0, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__native(void) { return PyModule_Create(&module_def); }
