# Strict warnings for Loxodon's own targets; third-party headers come in as system headers.
function(loxodon_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-align
    -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough -Wextra-semi
    -Wduplicated-cond -Wlogical-op -Wsuggest-override
    # GCC 12's middle-end warnings fire on inlined libstdc++/Asio code at -O2 (false positives,
    # GCC bugs 105329 and 107138), so they stay off rather than fail builds on system headers.
    -Wno-array-bounds -Wno-stringop-overflow -Wno-stringop-overread -Wno-restrict
    # Asio's awaitable frames bring their own operator new/delete; GCC 12 pairs them wrongly
    # when a coroutine inlines them (GCC bug 104583).
    -Wno-mismatched-new-delete)
  if(LOXODON_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
