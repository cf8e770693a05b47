# C unit tests (Check) and language tests (tests/lang/**/*.py), wired into ctest.

# Unit tests of the front end link only the parser library, the rest the VM.
set(MP_FRONT_UNIT_TESTS test_lexer test_parser test_fmtnum test_arena)
if(CHECK_FOUND)
  file(GLOB MP_UNIT_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/unit/test_*.c)
  foreach(src ${MP_UNIT_TESTS})
    get_filename_component(name ${src} NAME_WE)
    add_executable(${name} ${src})
    if(name IN_LIST MP_FRONT_UNIT_TESTS)
      target_link_libraries(${name} PRIVATE mpparse ${CHECK_LIBRARIES})
    else()
      target_link_libraries(${name} PRIVATE mpvm ${CHECK_LIBRARIES})
    endif()
    target_include_directories(${name} PRIVATE ${CHECK_INCLUDE_DIRS})
    add_test(NAME unit/${name} COMMAND ${name})
    set_tests_properties(unit/${name} PROPERTIES LABELS unit)
  endforeach()
else()
  message(WARNING "Check not found: C unit tests are not built")
endif()

# Language tests: each file runs under minipy, and under python3 as the oracle.
find_program(PYTHON3 python3)
file(GLOB_RECURSE MP_LANG_TESTS CONFIGURE_DEPENDS RELATIVE ${CMAKE_SOURCE_DIR}/tests/lang
     ${CMAKE_SOURCE_DIR}/tests/lang/*.py)
foreach(t ${MP_LANG_TESTS})
  # Helper modules imported by tests are not tests themselves.
  if(t MATCHES "(^|/)_[^/]*\\.py$" OR t MATCHES "(^|/)mod_[^/]*\\.py$")
    continue()
  endif()
  add_test(NAME lang/${t}
           COMMAND ${PYTHON3} ${CMAKE_SOURCE_DIR}/tests/run_lang.py
                   --interp $<TARGET_FILE:minipy> ${CMAKE_SOURCE_DIR}/tests/lang/${t})
  set_tests_properties(lang/${t} PROPERTIES LABELS lang)
  add_test(NAME oracle/${t}
           COMMAND ${PYTHON3} ${CMAKE_SOURCE_DIR}/tests/run_lang.py
                   --interp ${PYTHON3} --oracle ${CMAKE_SOURCE_DIR}/tests/lang/${t})
  set_tests_properties(oracle/${t} PROPERTIES LABELS oracle)
endforeach()

# dis golden tests: `minipy -m dis tests/dis/NAME.py` must print tests/dis/NAME.dis
# exactly (code object addresses masked); see tests/dis/run_dis_tests.py.
file(GLOB MP_DIS_TESTS CONFIGURE_DEPENDS RELATIVE ${CMAKE_SOURCE_DIR}/tests/dis
     ${CMAKE_SOURCE_DIR}/tests/dis/*.py)
list(REMOVE_ITEM MP_DIS_TESTS run_dis_tests.py)
foreach(t ${MP_DIS_TESTS})
  add_test(NAME dis/${t}
           COMMAND ${PYTHON3} ${CMAKE_SOURCE_DIR}/tests/dis/run_dis_tests.py
                   --interp $<TARGET_FILE:minipy> ${CMAKE_SOURCE_DIR}/tests/dis/${t})
  set_tests_properties(dis/${t} PROPERTIES LABELS dis)
endforeach()

# Command line and REPL (tests/cli/test_cli.py): minipy driven through
# subprocess and a pseudo-terminal (so readline runs), every case checked
# against python3 (CPython 3.11) too. One test per group of cases.
foreach(group args exit module stdin repl)
  add_test(NAME cli/${group}
           COMMAND ${PYTHON3} ${CMAKE_SOURCE_DIR}/tests/cli/test_cli.py
                   --minipy $<TARGET_FILE:minipy> ${group})
  set_tests_properties(cli/${group} PROPERTIES LABELS cli TIMEOUT 300)
endforeach()

# The example programs (programs/*.py), each run once, small, GIL on and off.
add_test(NAME programs
         COMMAND ${PYTHON3} ${CMAKE_SOURCE_DIR}/tests/run_programs.py --interp $<TARGET_FILE:minipy>)
set_tests_properties(programs PROPERTIES LABELS programs TIMEOUT 600)

# The soak program, short (30 warm-up and 50 measured rounds), GIL on: resident
# memory must hold flat (--check). With the GIL off the collector does not run
# yet while threads exist (stop-the-world collection is being written), so
# memory grows there: run_programs.py only runs it small in that mode. Not
# with sanitizers: ASan's quarantine of freed memory grows the resident size.
if(NOT MINIPY_SANITIZE AND NOT MINIPY_FUZZ)
  add_test(NAME programs/soak
           COMMAND $<TARGET_FILE:minipy> -X gil=1 ${CMAKE_SOURCE_DIR}/programs/soak.py 50 --check)
  set_tests_properties(programs/soak PROPERTIES LABELS programs TIMEOUT 600)
endif()

# Out of memory under `ulimit -v` (tests/oom/run_oom.sh): MemoryError, and the
# program goes on. Not with sanitizers, whose shadow memory needs terabytes of
# address space.
if(NOT MINIPY_SANITIZE AND NOT MINIPY_FUZZ)
  add_test(NAME oom/minipy COMMAND ${CMAKE_SOURCE_DIR}/tests/oom/run_oom.sh $<TARGET_FILE:minipy>)
  set_tests_properties(oom/minipy PROPERTIES LABELS oom TIMEOUT 300)
  add_test(NAME oracle/oom COMMAND ${CMAKE_SOURCE_DIR}/tests/oom/run_oom.sh ${PYTHON3})
  set_tests_properties(oracle/oom PROPERTIES LABELS oracle TIMEOUT 300)
endif()

# valgrind memcheck over the language tests, GIL on (tests/run_valgrind.sh,
# which builds its own build-valgrind): too slow for every run, so only on
# request: ctest --test-dir build -C valgrind -L valgrind
add_test(NAME valgrind/lang COMMAND ${CMAKE_SOURCE_DIR}/tests/run_valgrind.sh CONFIGURATIONS valgrind)
set_tests_properties(valgrind/lang PROPERTIES LABELS valgrind TIMEOUT 14400)
