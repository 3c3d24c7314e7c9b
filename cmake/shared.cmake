# libkg.so: the shared library, linked from the objects of the static target `kg` (compiled once, with
# -fPIC). Same public interface as `kg`; pugixml stays a private dependency (recorded as DT_NEEDED only).
# SONAME libkg.so.MAJOR.MINOR: before 1.0 every minor release may break the ABI.
add_library(kg_shared SHARED $<TARGET_OBJECTS:kg>)
target_include_directories(kg_shared
  PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include> $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/generated>
         $<INSTALL_INTERFACE:include>)
target_link_libraries(kg_shared PUBLIC Boost::graph PRIVATE pugixml::pugixml)
target_compile_features(kg_shared INTERFACE cxx_std_17)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang" AND NOT APPLE AND NOT WIN32 AND NOT KG_SANITIZE AND NOT KG_FUZZ)
  # Every symbol must resolve inside libkg.so or its declared dependencies (catches a missing link).
  # Not with sanitizers: clang leaves their runtime symbols to the executable.
  target_link_options(kg_shared PRIVATE LINKER:--no-undefined)
endif()
set_target_properties(kg_shared PROPERTIES
  OUTPUT_NAME kg
  VERSION ${PROJECT_VERSION}
  SOVERSION ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR})
