# cmake --install BUILD [--prefix DIR] lays out:
#   bin/kg-export, kg-query, kg-eval                    tools (linked with the static library)
#   include/kg/*.hpp, include/kg/version.hpp            public headers, <kg/kg.hpp> includes them all
#   lib/libkg.a, lib/libkg.so.MAJOR.MINOR(.PATCH)       static and shared library
#   lib/cmake/kg/kgConfig.cmake ...                     find_package(kg 0.2 CONFIG REQUIRED) -> kg::kg
#   lib/pkgconfig/kg.pc                                 pkg-config --cflags --libs kg
#   share/doc/kg/README.md, README.data.md, LICENSE.*   the README, the data's README and licences
# No data directory: lexicons, the tagger model and the sample articles are compiled into the library
# (cmake/embed.cmake); `--data DIR` / kg::set_data_dir() only override them.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(KG_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/kg CACHE STRING "Where kgConfig.cmake is installed")
# The targets name $<INSTALL_INTERFACE:include> for their headers: keep CMAKE_INSTALL_INCLUDEDIR at its default.

install(TARGETS kg-export kg-query kg-eval RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# One export set per flavour, so that a consumer of the shared library never needs pugixml's CMake files.
set_target_properties(kg PROPERTIES EXPORT_NAME kg_static)
install(TARGETS kg EXPORT kgStaticTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(EXPORT kgStaticTargets NAMESPACE kg:: FILE kgStaticTargets.cmake DESTINATION ${KG_INSTALL_CMAKEDIR})
if(TARGET kg_shared)
  set_target_properties(kg_shared PROPERTIES EXPORT_NAME kg_shared)
  install(TARGETS kg_shared EXPORT kgSharedTargets
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
          RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(EXPORT kgSharedTargets NAMESPACE kg:: FILE kgSharedTargets.cmake DESTINATION ${KG_INSTALL_CMAKEDIR})
endif()

install(DIRECTORY include/kg DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
# The README, and the data's README and licences: the library embeds data under those licences.
file(GLOB KG_DATA_LICENCES ${PROJECT_SOURCE_DIR}/data/LICENSE.*)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES data/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME README.data.md)
install(FILES ${KG_DATA_LICENCES} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_BINARY_DIR}/generated/kg/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kg)

# --- find_package(kg) ----------------------------------------------------------------------------------
configure_package_config_file(cmake/kgConfig.cmake.in ${PROJECT_BINARY_DIR}/generated/kgConfig.cmake
                              INSTALL_DESTINATION ${KG_INSTALL_CMAKEDIR})
# Before 1.0 a minor release may break the API: `find_package(kg 0.2)` accepts 0.2.x only.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/generated/kgConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/generated/kgConfig.cmake ${PROJECT_BINARY_DIR}/generated/kgConfigVersion.cmake
        DESTINATION ${KG_INSTALL_CMAKEDIR})

# --- kg.pc -----------------------------------------------------------------------------------------------
# Written at install time, so that the prefix in it is the one installed to (`cmake --install --prefix`).
# Boost.Graph is header-only for libkg and ships no .pc file; pugixml is needed only when linking
# libkg.a (`pkg-config --static`).
set(KG_PC_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(KG_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(KG_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
install(CODE "
  set(KG_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  set(KG_PC_LIBDIR [[${KG_PC_LIBDIR}]])
  set(KG_PC_INCLUDEDIR [[${KG_PC_INCLUDEDIR}]])
  set(PROJECT_VERSION ${PROJECT_VERSION})
  configure_file([[${PROJECT_SOURCE_DIR}/cmake/kg.pc.in]] [[${PROJECT_BINARY_DIR}/generated/kg.pc]] @ONLY)")
install(FILES ${PROJECT_BINARY_DIR}/generated/kg.pc DESTINATION ${KG_PC_DIR})
