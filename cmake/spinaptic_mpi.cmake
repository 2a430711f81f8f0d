# Optional component spinaptic::mpi: the sweep driver, data-parallel training and the sharded
# macrospin ensemble over MPI (headers in include/spinaptic/mpi/). Defined only when Open MPI (or
# another MPI), Boost.MPI and nlohmann_json are found; the core target spinaptic::spinaptic stays
# header-only and MPI-free. Debian: libopenmpi-dev openmpi-bin libboost-mpi-dev nlohmann-json3-dev
# (scripts/install-deps mpi). Users: find_package(spinaptic COMPONENTS mpi), spinaptic_mpi_FOUND.
option(SPINAPTIC_WITH_MPI "Build the optional MPI component when MPI and Boost.MPI are found" ON)
set(SPINAPTIC_HAVE_MPI OFF)
if(SPINAPTIC_WITH_MPI)
  find_package(MPI QUIET COMPONENTS CXX)
  find_package(Boost 1.74 QUIET COMPONENTS mpi)
  find_package(nlohmann_json 3 QUIET)
  if(MPI_CXX_FOUND AND Boost_MPI_FOUND AND nlohmann_json_FOUND)
    set(SPINAPTIC_HAVE_MPI ON)
  endif()
endif()
if(SPINAPTIC_HAVE_MPI)
  message(STATUS "spinaptic: MPI component ON (MPI ${MPI_CXX_VERSION}, Boost.MPI, nlohmann_json)")
  add_library(spinaptic_mpi INTERFACE)
  add_library(spinaptic::mpi ALIAS spinaptic_mpi)
  set_target_properties(spinaptic_mpi PROPERTIES EXPORT_NAME mpi)
  file(GLOB spinaptic_mpi_headers CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/include/spinaptic/mpi/*.hpp)
  target_sources(spinaptic_mpi INTERFACE
    FILE_SET HEADERS BASE_DIRS ${CMAKE_CURRENT_SOURCE_DIR}/include FILES ${spinaptic_mpi_headers})
  target_link_libraries(spinaptic_mpi INTERFACE spinaptic::spinaptic Boost::mpi MPI::MPI_CXX
                        nlohmann_json::nlohmann_json)
  if(SPINAPTIC_INSTALL)
    install(TARGETS spinaptic_mpi EXPORT spinapticMpiTargets FILE_SET HEADERS)
    install(EXPORT spinapticMpiTargets NAMESPACE spinaptic:: DESTINATION ${CMAKE_INSTALL_DATADIR}/cmake/spinaptic)
  endif()
  find_program(SPINAPTIC_MPIEXEC NAMES mpirun mpiexec HINTS ${MPIEXEC_EXECUTABLE})
else()
  message(STATUS "spinaptic: MPI component OFF (needs MPI, Boost.MPI and nlohmann_json: scripts/install-deps mpi)")
endif()

# The programs of the component (tools/<name>/main.cpp), built with the examples.
if(SPINAPTIC_HAVE_MPI AND SPINAPTIC_BUILD_EXAMPLES)
  foreach(tool IN ITEMS sweep dataparallel ensemble allgather_probe)
    if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tools/${tool}/main.cpp)
      add_executable(${tool} ${CMAKE_CURRENT_SOURCE_DIR}/tools/${tool}/main.cpp)
      target_link_libraries(${tool} PRIVATE spinaptic::mpi)
      spinaptic_warnings(${tool})
    endif()
  endforeach()
endif()
