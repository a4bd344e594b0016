# cmake --install: the mt command, include/mt.h, libmt (static and shared), a pkg-config
# file (mt.pc) and a CMake package, so that a host builds with either
#   cc host.c $(pkg-config --cflags --libs mt)
#   find_package(mt) ... target_link_libraries(host PRIVATE mt::mt)   (or mt::mt_static)
include(CMakePackageConfigHelpers)

install(TARGETS mt RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES include/mt.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS mt_shared mt_static EXPORT mtTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# mt.pc finds its prefix from where it lies (${pcfiledir}), so the install may be moved
# or given another --prefix at install time.
set(MT_PC_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
file(RELATIVE_PATH MT_PC_TO_PREFIX /root/${MT_PC_DIR} /root)
string(REGEX REPLACE "/$" "" MT_PC_TO_PREFIX "${MT_PC_TO_PREFIX}")
configure_file(cmake/mt.pc.in ${CMAKE_CURRENT_BINARY_DIR}/mt.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/mt.pc DESTINATION ${MT_PC_DIR})

set(MT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/mt)
install(EXPORT mtTargets NAMESPACE mt:: DESTINATION ${MT_CMAKE_DIR})
configure_package_config_file(cmake/mtConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/mtConfig.cmake
                              INSTALL_DESTINATION ${MT_CMAKE_DIR})
# 0.x: a new minor version may change the API, so only the same minor version matches.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/mtConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/mtConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/mtConfigVersion.cmake
        DESTINATION ${MT_CMAKE_DIR})
