# API reference from the public headers: `cmake --build BUILD --target docs` writes BUILD/docs/html
# (entry point BUILD/docs/html/index.html). docs/Doxyfile holds the settings; this adds the paths of
# this build and the version from project(VERSION). Warnings go to BUILD/docs/warnings.log and fail the
# target (WARN_AS_ERROR = FAIL_ON_WARNINGS); the `docs` test also requires that log to be empty.
find_package(Doxygen QUIET)
if(NOT DOXYGEN_FOUND)
  message(STATUS "doxygen not found: no `docs` target (apt-get install doxygen)")
  return()
endif()
set(KG_DOCS_DIR ${PROJECT_BINARY_DIR}/docs)
file(GLOB KG_PUBLIC_HEADERS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/kg/*.hpp)
file(WRITE ${KG_DOCS_DIR}/Doxyfile.build.in
     "@INCLUDE = ${PROJECT_SOURCE_DIR}/docs/Doxyfile\n"
     "PROJECT_NUMBER = ${PROJECT_VERSION}\n"
     "INPUT = ${PROJECT_SOURCE_DIR}/docs/mainpage.md ${PROJECT_SOURCE_DIR}/include/kg ${PROJECT_BINARY_DIR}/generated/kg/version.hpp\n"
     "STRIP_FROM_PATH = ${PROJECT_SOURCE_DIR}/include ${PROJECT_BINARY_DIR}/generated\n"
     "STRIP_FROM_INC_PATH = ${PROJECT_SOURCE_DIR}/include ${PROJECT_BINARY_DIR}/generated\n"
     "EXAMPLE_PATH = ${PROJECT_SOURCE_DIR}/examples\n"
     "OUTPUT_DIRECTORY = ${KG_DOCS_DIR}\n"
     "WARN_LOGFILE = ${KG_DOCS_DIR}/warnings.log\n")
configure_file(${KG_DOCS_DIR}/Doxyfile.build.in ${KG_DOCS_DIR}/Doxyfile.build COPYONLY)
add_custom_target(docs
  COMMAND ${CMAKE_COMMAND} -E rm -f ${KG_DOCS_DIR}/warnings.log
  COMMAND Doxygen::doxygen ${KG_DOCS_DIR}/Doxyfile.build
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  DEPENDS ${PROJECT_SOURCE_DIR}/docs/Doxyfile ${PROJECT_SOURCE_DIR}/docs/mainpage.md ${KG_PUBLIC_HEADERS}
          ${PROJECT_BINARY_DIR}/generated/kg/version.hpp
  COMMENT "API reference (doxygen) in ${KG_DOCS_DIR}/html/index.html"
  VERBATIM)
if(KG_BUILD_TESTS)
  # Every public member documented, no broken reference: doxygen must print no warning at all.
  add_test(NAME docs
           COMMAND bash -c "rm -f \"$3\" && \"$1\" \"$2\" > /dev/null; rc=$?; if [ -s \"$3\" ]; then cat \"$3\"; exit 1; fi; exit $rc"
                   _ ${DOXYGEN_EXECUTABLE} ${KG_DOCS_DIR}/Doxyfile.build ${KG_DOCS_DIR}/warnings.log
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()
