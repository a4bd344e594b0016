// Loopback echo throughput with goroutines: the same work as echo.mt and echo.py.
// argv: N (messages per connection), C (connections, default 100). Prints the bytes
// echoed. Built by bench/compare with `go build`; GOMAXPROCS decides how many cores.
package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
)

func handle(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	for {
		line, err := r.ReadString('\n')
		if len(line) > 0 {
			if _, werr := c.Write([]byte(line)); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func client(port int, n int, msg []byte, done chan<- int) {
	c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		panic(err)
	}
	r := bufio.NewReader(c)
	got := 0
	for i := 0; i < n; i++ {
		if _, err := c.Write(msg); err != nil {
			panic(err)
		}
		line, err := r.ReadString('\n')
		if err != nil {
			panic(err)
		}
		got += len(line)
	}
	c.Close()
	done <- got
}

func arg(i int, def int) int {
	if len(os.Args) > i {
		v, err := strconv.Atoi(os.Args[i])
		if err == nil {
			return v
		}
	}
	return def
}

func main() {
	n, conns := arg(1, 2000), arg(2, 100)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go handle(c)
		}
	}()
	port := ln.Addr().(*net.TCPAddr).Port
	msg := []byte(strings.Repeat("x", 63) + "\n")
	done := make(chan int)
	for i := 0; i < conns; i++ {
		go client(port, n, msg, done)
	}
	total := 0
	for i := 0; i < conns; i++ {
		total += <-done
	}
	ln.Close()
	fmt.Println(total)
}
