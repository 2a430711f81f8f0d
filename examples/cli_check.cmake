# examples/cli_check.cmake: one command-line check of an example program (run by ctest with
# cmake -P; see examples/CMakeLists.txt). The convention it checks is examples/common/command_line.hpp.
#   -DPROGRAM=<path> -DARGS=<arguments joined by |> -DFOLDER=<output folder> -DMODE=help|refuse|write
#   [-DEXPECT=<regex>] [-DFILES=<names joined by |>] [-DWORKING_DIRECTORY=<dir>]
# help:   exit code 0, "Usage:" and "--help" on stdout, FOLDER not created.
# refuse: a nonzero exit code that is a plain exit (no signal, no abort: < 128), EXPECT (or any
#         text) on stderr, no "terminate called" and FOLDER not created.
# write:  exit code 0 and every one of FILES inside FOLDER (e.g. a folder whose name starts with
#         '-', given relative to WORKING_DIRECTORY).
# ARGS names the folder as {folder} where the case needs it.
cmake_minimum_required(VERSION 3.25)
string(REPLACE "|" ";" args "${ARGS}")
string(REPLACE "{folder}" "${FOLDER}" args "${args}")
if(NOT DEFINED WORKING_DIRECTORY)
  set(WORKING_DIRECTORY ".")
endif()
get_filename_component(WORKING_DIRECTORY "${WORKING_DIRECTORY}" ABSOLUTE)
get_filename_component(folder_path "${FOLDER}" ABSOLUTE BASE_DIR "${WORKING_DIRECTORY}")
file(REMOVE_RECURSE "${folder_path}")
execute_process(COMMAND "${PROGRAM}" ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60
                WORKING_DIRECTORY "${WORKING_DIRECTORY}")
set(what "${PROGRAM} ${args}: exit '${rc}'\nstdout: ${out}\nstderr: ${err}")
if(MODE STREQUAL "write")
  string(REPLACE "|" ";" files "${FILES}")
  foreach(name IN LISTS files)
    if(NOT rc STREQUAL "0" OR NOT EXISTS "${folder_path}/${name}")
      message(FATAL_ERROR "expected ${FOLDER}/${name} and exit 0; ${what}")
    endif()
  endforeach()
  return()
endif()
if(EXISTS "${folder_path}")
  message(FATAL_ERROR "created the output folder ${FOLDER}; ${what}")
endif()
if(MODE STREQUAL "help")
  if(NOT rc STREQUAL "0" OR NOT out MATCHES "Usage:" OR NOT out MATCHES "--help")
    message(FATAL_ERROR "--help must print the usage and exit 0; ${what}")
  endif()
else()
  if(NOT rc MATCHES "^[0-9]+$" OR rc EQUAL 0 OR rc GREATER_EQUAL 128)
    message(FATAL_ERROR "a bad argument must give a plain nonzero exit; ${what}")
  endif()
  if(err MATCHES "terminate called|Segmentation|Aborted" OR err STREQUAL "")
    message(FATAL_ERROR "a bad argument must be refused with a message, without a crash; ${what}")
  endif()
  if(DEFINED EXPECT AND NOT err MATCHES "${EXPECT}")
    message(FATAL_ERROR "the message must match '${EXPECT}'; ${what}")
  endif()
endif()
