# examples/cli_check.cmake: one command-line check of an example program (run by ctest with
# cmake -P; see examples/CMakeLists.txt). The convention it checks is examples/common/cli.hpp.
#   -DPROGRAM=<path> -DARGS=<arguments joined by |> -DFOLDER=<output folder> -DMODE=help|refuse
#   [-DEXPECT=<regex>]
# help:   exit code 0, "Usage:" and "--help" on stdout, FOLDER not created.
# refuse: a nonzero exit code that is a plain exit (no signal, no abort: < 128), EXPECT (or any
#         text) on stderr, no "terminate called" and FOLDER not created.
# ARGS names the folder as {folder} where the case needs it.
cmake_minimum_required(VERSION 3.25)
string(REPLACE "|" ";" args "${ARGS}")
string(REPLACE "{folder}" "${FOLDER}" args "${args}")
file(REMOVE_RECURSE "${FOLDER}")
execute_process(COMMAND "${PROGRAM}" ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
set(what "${PROGRAM} ${args}: exit '${rc}'\nstdout: ${out}\nstderr: ${err}")
if(EXISTS "${FOLDER}")
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
