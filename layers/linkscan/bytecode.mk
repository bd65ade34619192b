# Included by the layers' Makefiles (layers/linkscan, layers/render): `$(call compile_bytecode,DIR)`.
# /opt is read-only in Lambda, so a layer without bytecode is compiled again at every cold start.
# The runtime's Python (3.13) compiles it, with unchecked hashes: extraction times do not matter.
# The runtime's interpreter (the top Makefile puts pyenv's 3.13 on PATH).
PY313 ?= python3.13

define compile_bytecode
	@if $(PY313) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' 2>/dev/null; then \
		$(PY313) -m compileall -q -j 0 --invalidation-mode unchecked-hash "$(1)"; \
	else echo "no Python 3.13 ($(PY313)): the layer ships without bytecode" >&2; fi
endef
