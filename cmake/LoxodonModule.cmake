# loxodon_module(NAME FOLDER folder [USES modules...] [LINKS libraries...] [SOURCES files...] [OWN_PCH])
#
# One static library per module of docs/architecture.md, built from src/FOLDER. USES names the
# Loxodon modules on lower floors that this one builds on (linked PUBLIC: their headers appear in
# this module's public headers); LINKS names third-party libraries only this module's sources use.
# OWN_PCH: the module's flags differ from the util module's (a library that adds -pthread), so
# GCC would reject the shared precompiled header; the module precompiles its own.
#
# A module sees its own private headers (src/FOLDER/*.hpp, included as "FOLDER/x.hpp") and no
# other module's: its private include root holds a single link to its own folder. Static
# libraries are linked in floor order, so a call from a lower floor into a higher one has no
# definition to link against.
function(loxodon_module name)
  cmake_parse_arguments(M "OWN_PCH" "FOLDER" "USES;LINKS;SOURCES" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${M_FOLDER}/*.cpp)
  set(target loxodon_${name})
  add_library(${target} STATIC ${sources} ${M_SOURCES})

  set(private_root ${PROJECT_BINARY_DIR}/private_include/${name})
  get_filename_component(link_parent ${private_root}/${M_FOLDER} DIRECTORY)
  file(MAKE_DIRECTORY ${link_parent})
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${M_FOLDER} ${private_root}/${M_FOLDER} SYMBOLIC)
  target_include_directories(${target} PRIVATE ${private_root})

  list(TRANSFORM M_USES PREPEND loxodon_)
  target_link_libraries(${target} PUBLIC ${M_USES})
  if(M_LINKS)
    target_link_libraries(${target} PRIVATE ${M_LINKS})
  endif()
  loxodon_set_warnings(${target})
  if(LOXODON_PCH AND M_OWN_PCH)
    target_precompile_headers(${target} PRIVATE
      <loxodon/util/asio.hpp> <nlohmann/json.hpp> <spdlog/spdlog.h>)
  elseif(LOXODON_PCH AND NOT name STREQUAL "util")
    target_precompile_headers(${target} REUSE_FROM loxodon_util)
  endif()
endfunction()
